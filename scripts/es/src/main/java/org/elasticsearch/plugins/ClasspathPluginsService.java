package org.elasticsearch.plugins;

import org.elasticsearch.Build;
import org.elasticsearch.action.admin.cluster.node.info.PluginsAndModules;
import org.elasticsearch.common.settings.Settings;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Plugins service that instantiates the given plugin classes from the classpath
 * (in the order given) and reports them as modules in the nodes info API.
 */
// In org.elasticsearch.plugins because the record PluginsService.LoadedPlugin (returned by plugins()), PluginsService.loadPlugin and PluginsService.loadExtensions are package-private.
public class ClasspathPluginsService extends PluginsService {

    private final List<LoadedPlugin> classpathPlugins;
    private final PluginsAndModules info;

    public ClasspathPluginsService(
        Settings settings,
        Path configPath,
        PluginsLoader loader,
        Collection<Class<? extends Plugin>> pluginClasses
    ) {
        super(settings, configPath, loader);
        List<LoadedPlugin> loaded = new ArrayList<>();
        List<PluginDescriptor> descriptors = new ArrayList<>();
        for (Class<? extends Plugin> pluginClass : pluginClasses) {
            Plugin plugin = loadPlugin(pluginClass, settings, configPath);
            PluginDescriptor descriptor = new PluginDescriptor(
                nameOf(pluginClass),
                "classpath module " + pluginClass.getName(),
                Build.current().version(),
                Build.current().version(),
                "17",
                pluginClass.getName(),
                null,
                List.of(),
                false,
                false,
                false,
                false
            );
            loaded.add(new LoadedPlugin(descriptor, plugin, pluginClass.getClassLoader()));
            descriptors.add(descriptor);
        }
        loadExtensions(loaded);
        this.classpathPlugins = List.copyOf(loaded);
        this.info = new PluginsAndModules(List.of(), List.copyOf(descriptors));
    }

    private static String nameOf(Class<?> pluginClass) {
        return switch (pluginClass.getName()) {
            case "org.elasticsearch.transport.netty4.Netty4Plugin" -> "transport-netty4";
            case "dev.searchengine.launcher.LauncherRootPlugin" -> "launcher-rest-root";
            case "dev.searchengine.launcher.LauncherAnalysisPlugin" -> "launcher-analysis-common";
            default -> pluginClass.getSimpleName();
        };
    }

    @Override
    protected final List<LoadedPlugin> plugins() {
        return classpathPlugins;
    }

    @Override
    public PluginsAndModules info() {
        return info;
    }
}
