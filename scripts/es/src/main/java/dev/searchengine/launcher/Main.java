package dev.searchengine.launcher;

import org.elasticsearch.common.logging.LogConfigurator;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.env.Environment;
import org.elasticsearch.node.InternalSettingsPreparer;
import org.elasticsearch.node.LauncherNode;
import org.elasticsearch.node.Node;
import org.elasticsearch.plugins.Plugin;
import org.elasticsearch.transport.netty4.Netty4Plugin;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Starts one Elasticsearch node in this JVM.
 *
 * <pre>
 * java -cp ... dev.searchengine.launcher.Main --home DIR [--port 9200] [--host 127.0.0.1]
 *      [--cluster-name search-engine] [--node-name node-1] [--pidfile FILE] [--setting key=value]...
 * </pre>
 *
 * Layout under --home: node/config (elasticsearch.yml, log4j2.properties), data/, logs/.
 * Extra node settings may be put in node/config/elasticsearch.yml; settings given
 * here on the command line win over that file.
 */
public final class Main {

    private static final String LOG4J2 = String.join(
        "\n",
        "status = error",
        "appender.console.type = Console",
        "appender.console.name = console",
        "appender.console.layout.type = PatternLayout",
        "appender.console.layout.pattern = [%d{ISO8601}][%-5p][%-25c{1.}] [%node_name]%marker %m%n",
        "rootLogger.level = info",
        "rootLogger.appenderRef.console.ref = console",
        "logger.deprecation.name = org.elasticsearch.deprecation",
        "logger.deprecation.level = warn",
        ""
    );

    public static void main(String[] args) throws Exception {
        String home = null;
        String host = "127.0.0.1";
        String port = "9200";
        String clusterName = "search-engine";
        String nodeName = "node-1";
        Path pidFile = null;
        List<String> extra = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (i + 1 >= args.length) {
                usage("missing value for " + a);
            }
            String v = args[++i];
            switch (a) {
                case "--home" -> home = v;
                case "--host" -> host = v;
                case "--port" -> port = v;
                case "--cluster-name" -> clusterName = v;
                case "--node-name" -> nodeName = v;
                case "--pidfile" -> pidFile = Paths.get(v).toAbsolutePath();
                case "--setting" -> extra.add(v);
                default -> usage("unknown option " + a);
            }
        }
        if (home == null) {
            usage("--home is required");
        }

        Path homeDir = Paths.get(home).toAbsolutePath();
        Path nodeHome = homeDir.resolve("node");
        Path configDir = nodeHome.resolve("config");
        Path dataDir = homeDir.resolve("data");
        Path logsDir = homeDir.resolve("logs");
        for (Path p : List.of(configDir, nodeHome.resolve("modules"), nodeHome.resolve("plugins"), dataDir, logsDir)) {
            Files.createDirectories(p);
        }
        Files.writeString(configDir.resolve("log4j2.properties"), LOG4J2, StandardCharsets.UTF_8);
        Path yml = configDir.resolve("elasticsearch.yml");
        if (Files.exists(yml) == false) {
            Files.writeString(
                yml,
                "# Extra settings for the local search engine node (scripts/search-engine).\n"
                    + "# Settings passed on the launcher's command line take precedence.\n",
                StandardCharsets.UTF_8
            );
        }

        Settings.Builder builder = Settings.builder()
            .put("path.home", nodeHome.toString())
            .put("path.data", dataDir.toString())
            .put("path.logs", logsDir.toString())
            .put("cluster.name", clusterName)
            .put("node.name", nodeName)
            .put("network.host", host)
            .put("http.port", port)
            .put("discovery.type", "single-node")
            // a developer's or CI's disk may be fuller than the production watermarks allow
            .put("cluster.routing.allocation.disk.threshold_enabled", false);
        for (String kv : extra) {
            int eq = kv.indexOf('=');
            if (eq <= 0) {
                usage("--setting expects key=value, got " + kv);
            }
            builder.put(kv.substring(0, eq), kv.substring(eq + 1));
        }

        final String finalNodeName = nodeName;
        Environment environment = InternalSettingsPreparer.prepareEnvironment(builder.build(), Map.of(), configDir, () -> finalNodeName);

        LogConfigurator.registerErrorListener();
        LogConfigurator.setNodeName(Node.NODE_NAME_SETTING.get(environment.settings()));
        LogConfigurator.setClusterName(clusterName);
        LogConfigurator.configure(environment, true);

        long pid = ProcessHandle.current().pid();
        if (pidFile != null) {
            Files.createDirectories(pidFile.getParent());
            Files.writeString(pidFile, pid + "\n", StandardCharsets.US_ASCII);
        }

        List<Class<? extends Plugin>> plugins = List.of(Netty4Plugin.class, LauncherRootPlugin.class, LauncherAnalysisPlugin.class);
        Node node = new LauncherNode(environment, plugins);
        CountDownLatch stopped = new CountDownLatch(1);
        final Path finalPidFile = pidFile;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                node.prepareForClose();
                node.close();
                node.awaitClose(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                e.printStackTrace();
            } finally {
                deleteOwnPidFile(finalPidFile, pid);
                stopped.countDown();
            }
        }, "search-engine-shutdown"));

        try {
            node.start();
        } catch (Throwable t) {
            System.err.println("search-engine: node failed to start: " + t);
            t.printStackTrace();
            deleteOwnPidFile(pidFile, pid);
            Runtime.getRuntime().halt(1);
        }
        System.out.println("search-engine: node [" + nodeName + "] of cluster [" + clusterName + "] started, pid " + pid
            + ", http://" + host + ":" + port);
        System.out.flush();
        stopped.await();
    }

    private static void deleteOwnPidFile(Path pidFile, long pid) {
        if (pidFile == null) {
            return;
        }
        try {
            if (Files.exists(pidFile) && Files.readString(pidFile).trim().equals(Long.toString(pid))) {
                Files.delete(pidFile);
            }
        } catch (Exception e) {
            // best effort
        }
    }

    private static void usage(String message) {
        System.err.println("search-engine launcher: " + message);
        System.err.println(
            "usage: Main --home DIR [--port 9200] [--host 127.0.0.1] [--cluster-name NAME] [--node-name NAME]"
                + " [--pidfile FILE] [--setting key=value]..."
        );
        System.exit(2);
    }
}
