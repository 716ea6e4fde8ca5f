package dev.subsidy.connector.api.plugin;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

/**
 * The class loader of one plugin folder: its jars first, then the parent, except for the classes that
 * must be shared with the gateway (the JDK, the connector API, SLF4J), which always come from the
 * parent. So a plugin may bundle its own versions of any library without clashing with the gateway's
 * or another plugin's, while its {@code ConnectorProvider} is the same interface the gateway knows.
 */
final class PluginClassLoader extends URLClassLoader {

    /** Packages always loaded from the parent (shared types), as name prefixes. */
    static final List<String> SHARED_PREFIXES = List.of(
            "java.", "javax.", "jdk.", "sun.", "com.sun.", "org.w3c.", "org.xml.",
            "dev.subsidy.connector.api.", "org.slf4j.");

    static {
        ClassLoader.registerAsParallelCapable();
    }

    private final String pluginName;
    private final Path folder;

    PluginClassLoader(String pluginName, Path folder, URL[] jars, ClassLoader parent) {
        super("plugin-" + pluginName, jars, parent);
        this.pluginName = pluginName;
        this.folder = folder;
    }

    String pluginName() {
        return pluginName;
    }

    Path folder() {
        return folder;
    }

    private static boolean shared(String name) {
        for (String p : SHARED_PREFIXES) {
            if (name.startsWith(p)) {
                return true;
            }
        }
        return false;
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (shared(name)) {
            return super.loadClass(name, resolve);
        }
        synchronized (getClassLoadingLock(name)) {
            Class<?> c = findLoadedClass(name);
            if (c == null) {
                try {
                    c = findClass(name);
                } catch (ClassNotFoundException notHere) {
                    c = getParent().loadClass(name);
                }
            }
            if (resolve) {
                resolveClass(c);
            }
            return c;
        }
    }

    @Override
    public URL getResource(String name) {
        if (shared(name.replace('/', '.'))) {
            return super.getResource(name);
        }
        URL own = findResource(name);
        return own != null ? own : getParent().getResource(name);
    }

    @Override
    public Enumeration<URL> getResources(String name) throws IOException {
        List<URL> all = new ArrayList<>(Collections.list(findResources(name)));
        all.addAll(Collections.list(getParent().getResources(name)));
        return Collections.enumeration(all);
    }

    @Override
    public String toString() {
        return "PluginClassLoader[" + pluginName + " " + folder + "]";
    }
}
