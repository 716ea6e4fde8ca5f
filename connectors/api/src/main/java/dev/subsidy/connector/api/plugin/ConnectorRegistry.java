package dev.subsidy.connector.api.plugin;

import dev.subsidy.connector.api.ConnectorProvider;
import dev.subsidy.connector.api.RequestSigner;

import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Every connector type and request signer the gateway knows, by name.
 *
 * <p>Built-in ones are found with {@link ServiceLoader} on the given class loader (the gateway's own
 * class path). Third-party ones are loaded from {@code <home>/plugins/<plugin>/*.jar}: each plugin
 * folder gets one {@link java.net.URLClassLoader} whose parent is the connector API's class loader,
 * loading the plugin's own jars first, so plugins' dependencies clash neither with each other nor with
 * the gateway's. Only providers defined by a plugin's own jars count as that plugin's.
 *
 * <p>Loading fails with a {@link PluginException} naming both sources when two providers (built-in or
 * plugin) share a name; looking up an unknown name fails with one listing the known names.
 *
 * <p>Immutable after loading and thread-safe. {@link #close()} closes the plugins' class loaders; call
 * it only when no connector from a plugin runs any more.
 */
public final class ConnectorRegistry implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(ConnectorRegistry.class.getName());

    /** Subfolder of the home folder holding one folder per plugin. */
    public static final String PLUGINS_FOLDER = "plugins";

    /**
     * Where a provider came from, for messages and the admin API.
     *
     * @param origin {@code built-in} or {@code plugin '<folder name>'}
     * @param className the implementing class
     * @param location the jar or folder the class was loaded from
     */
    public record Source(String origin, String className, String location) {
        @Override
        public String toString() {
            return origin + " " + className + " (" + location + ")";
        }
    }

    private record Found<T>(T service, Source source) {
    }

    private final Map<String, Found<ConnectorProvider>> providers;
    private final Map<String, Found<RequestSigner>> signers;
    private final List<PluginClassLoader> loaders;

    private ConnectorRegistry(Map<String, Found<ConnectorProvider>> providers,
                              Map<String, Found<RequestSigner>> signers,
                              List<PluginClassLoader> loaders) {
        this.providers = Collections.unmodifiableMap(providers);
        this.signers = Collections.unmodifiableMap(signers);
        this.loaders = List.copyOf(loaders);
    }

    /**
     * Loads the built-in providers visible to this class's class loader and the plugins under
     * {@code home/plugins} (a missing folder means no plugins).
     */
    public static ConnectorRegistry load(Path home) {
        return load(home, ConnectorRegistry.class.getClassLoader());
    }

    /**
     * Loads the built-in providers visible to {@code builtIns} and the plugins under
     * {@code home/plugins}.
     *
     * @param home the gateway's home folder, or {@code null} for built-ins only
     * @throws PluginException on a duplicate name or a plugin that cannot be loaded
     */
    public static ConnectorRegistry load(Path home, ClassLoader builtIns) {
        Map<String, Found<ConnectorProvider>> providers = new TreeMap<>();
        Map<String, Found<RequestSigner>> signers = new TreeMap<>();
        List<PluginClassLoader> loaders = new ArrayList<>();
        try {
            collect(ServiceLoader.load(ConnectorProvider.class, builtIns), null, ConnectorProvider::name, "connector type", providers);
            collect(ServiceLoader.load(RequestSigner.class, builtIns), null, RequestSigner::name, "request signer", signers);
            for (PluginClassLoader loader : pluginLoaders(home)) {
                loaders.add(loader);
                collect(ServiceLoader.load(ConnectorProvider.class, loader), loader, ConnectorProvider::name, "connector type", providers);
                collect(ServiceLoader.load(RequestSigner.class, loader), loader, RequestSigner::name, "request signer", signers);
            }
        } catch (RuntimeException e) {
            loaders.forEach(ConnectorRegistry::closeQuietly);
            throw e;
        }
        LOG.log(System.Logger.Level.INFO, "connector types: {0}; request signers: {1}; plugins: {2}",
                providers.keySet(), signers.keySet(), loaders.stream().map(PluginClassLoader::pluginName).toList());
        return new ConnectorRegistry(providers, signers, loaders);
    }

    /** The connector type of this name. */
    public ConnectorProvider provider(String type) {
        return find(type).orElseThrow(() -> new PluginException(
                "unknown connector type '" + type + "'; known types: " + describe(providers)));
    }

    /** The connector type of this name, if any. */
    public Optional<ConnectorProvider> find(String type) {
        return Optional.ofNullable(providers.get(type)).map(Found::service);
    }

    /** The request signer of this name. */
    public RequestSigner signer(String name) {
        return findSigner(name).orElseThrow(() -> new PluginException(
                "unknown request signer '" + name + "'; known signers: " + describe(signers)));
    }

    /** The request signer of this name, if any. */
    public Optional<RequestSigner> findSigner(String name) {
        return Optional.ofNullable(signers.get(name)).map(Found::service);
    }

    /** Known connector type names to where each came from, ordered by name. */
    public Map<String, Source> connectorTypes() {
        return sources(providers);
    }

    /** Known signer names to where each came from, ordered by name. */
    public Map<String, Source> signerNames() {
        return sources(signers);
    }

    /** Closes the plugins' class loaders. */
    @Override
    public void close() {
        loaders.forEach(ConnectorRegistry::closeQuietly);
    }

    // ---- loading ----

    private static List<PluginClassLoader> pluginLoaders(Path home) {
        if (home == null) {
            return List.of();
        }
        Path plugins = home.resolve(PLUGINS_FOLDER);
        if (!Files.isDirectory(plugins)) {
            return List.of();
        }
        ClassLoader parent = ConnectorProvider.class.getClassLoader();
        List<PluginClassLoader> result = new ArrayList<>();
        try (Stream<Path> folders = Files.list(plugins)) {
            for (Path folder : folders.filter(Files::isDirectory).sorted().toList()) {
                List<Path> jars;
                try (Stream<Path> files = Files.list(folder)) {
                    jars = files.filter(f -> f.getFileName().toString().endsWith(".jar") && Files.isRegularFile(f)).sorted().toList();
                }
                String name = folder.getFileName().toString();
                if (jars.isEmpty()) {
                    LOG.log(System.Logger.Level.WARNING, "plugin folder {0} holds no jar; ignored", folder);
                    continue;
                }
                result.add(new PluginClassLoader(name, folder, urls(jars), parent));
            }
        } catch (IOException e) {
            result.forEach(ConnectorRegistry::closeQuietly);
            throw new PluginException("cannot read plugin folder " + plugins + ": " + e.getMessage(), e);
        }
        return result;
    }

    private static URL[] urls(List<Path> jars) {
        URL[] urls = new URL[jars.size()];
        for (int i = 0; i < urls.length; i++) {
            try {
                urls[i] = jars.get(i).toUri().toURL();
            } catch (MalformedURLException e) {
                throw new PluginException("bad plugin jar path " + jars.get(i), e);
            }
        }
        return urls;
    }

    private static <T> void collect(ServiceLoader<T> loader, PluginClassLoader plugin, Function<T, String> nameOf,
                                    String what, Map<String, Found<T>> into) {
        List<ServiceLoader.Provider<T>> candidates;
        try {
            candidates = loader.stream()
                    // a plugin's loader also sees the parent's services: keep only the plugin's own
                    .filter(p -> plugin == null || p.type().getClassLoader() == plugin)
                    .toList();
        } catch (ServiceConfigurationError e) {
            throw new PluginException("cannot list " + what + "s of " + origin(plugin) + ": " + e.getMessage(), e);
        }
        for (ServiceLoader.Provider<T> candidate : candidates) {
            T service;
            String name;
            try {
                service = candidate.get();
                name = nameOf.apply(service);
            } catch (ServiceConfigurationError | RuntimeException | LinkageError e) {
                throw new PluginException("cannot load " + what + " " + candidate.type().getName() + " of "
                        + origin(plugin) + ": " + e, e);
            }
            Source source = new Source(origin(plugin), service.getClass().getName(), location(service.getClass()));
            if (name == null || name.isBlank()) {
                throw new PluginException(what + " " + source + " has no name");
            }
            Found<T> previous = into.putIfAbsent(name, new Found<>(service, source));
            if (previous != null) {
                throw new PluginException(what + " '" + name + "' is defined twice: by " + previous.source()
                        + " and by " + source + "; remove one of them");
            }
        }
    }

    private static String origin(PluginClassLoader plugin) {
        return plugin == null ? "built-in" : "plugin '" + plugin.pluginName() + "'";
    }

    private static String location(Class<?> type) {
        CodeSource cs = type.getProtectionDomain().getCodeSource();
        if (cs == null || cs.getLocation() == null) {
            return "unknown location";
        }
        try {
            return Path.of(cs.getLocation().toURI()).toString();
        } catch (Exception e) {
            return cs.getLocation().toString();
        }
    }

    private static <T> Map<String, Source> sources(Map<String, Found<T>> found) {
        Map<String, Source> m = new TreeMap<>();
        found.forEach((k, v) -> m.put(k, v.source()));
        return Collections.unmodifiableMap(m);
    }

    private static <T> String describe(Map<String, Found<T>> found) {
        return found.isEmpty() ? "none" : found.entrySet().stream()
                .map(e -> e.getKey() + " (" + e.getValue().source().origin() + ")")
                .collect(Collectors.joining(", "));
    }

    private static void closeQuietly(PluginClassLoader loader) {
        try {
            loader.close();
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot close " + loader, e);
        }
    }
}
