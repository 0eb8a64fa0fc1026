package org.elasticsearch.node;

import org.elasticsearch.env.Environment;
import org.elasticsearch.plugins.ClasspathPluginsService;
import org.elasticsearch.plugins.Plugin;
import org.elasticsearch.plugins.PluginsLoader;
import org.elasticsearch.plugins.PluginsService;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A {@link Node} whose plugins are plain classes on the JVM classpath instead of
 * bundles under modules/ and plugins/ (which is how the Elasticsearch
 * distribution loads them).
 */
// In org.elasticsearch.node because Node(NodeConstruction), NodeConstruction.prepareConstruction and NodeServiceProvider.newPluginService are package-private.
public final class LauncherNode extends Node {

    public LauncherNode(Environment environment, Collection<Class<? extends Plugin>> classpathPlugins) {
        super(
            NodeConstruction.prepareConstruction(
                environment,
                PluginsLoader.createPluginsLoader(Set.of(), Set.of(), Map.of(), false),
                new NodeServiceProvider() {
                    @Override
                    PluginsService newPluginService(Environment env, PluginsLoader loader) {
                        return new ClasspathPluginsService(env.settings(), env.configDir(), loader, List.copyOf(classpathPlugins));
                    }
                },
                true
            )
        );
    }
}
