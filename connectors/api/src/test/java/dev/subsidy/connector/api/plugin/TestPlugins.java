package dev.subsidy.connector.api.plugin;

import dev.subsidy.connector.api.ConnectorProvider;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/** Builds real plugin jars during a test: writes sources, compiles them against the connector API, jars them. */
final class TestPlugins {

    private TestPlugins() {
    }

    /**
     * Compiles {@code sources} (fully qualified class name to source text) and writes a jar with them and
     * the given service files ({@code META-INF/services/<interface>} to its lines) to {@code jar}.
     */
    static Path buildJar(Path work, Path jar, Map<String, String> sources, Map<String, String> services) throws IOException {
        Path src = Files.createTempDirectory(work, "src");
        Path classes = Files.createTempDirectory(work, "classes");
        List<String> args = new ArrayList<>(List.of("--release", "17", "-d", classes.toString(), "-classpath", apiClasses().toString()));
        for (Map.Entry<String, String> e : sources.entrySet()) {
            Path file = src.resolve(e.getKey().replace('.', '/') + ".java");
            Files.createDirectories(file.getParent());
            Files.writeString(file, e.getValue(), StandardCharsets.UTF_8);
            args.add(file.toString());
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        int rc = javac.run(null, errors, errors, args.toArray(String[]::new));
        if (rc != 0) {
            throw new IllegalStateException("test plugin did not compile: " + errors.toString(StandardCharsets.UTF_8));
        }
        Files.createDirectories(jar.getParent());
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream jos = new JarOutputStream(out, manifest);
             Stream<Path> files = Files.walk(classes)) {
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                jos.putNextEntry(new JarEntry(classes.relativize(f).toString().replace('\\', '/')));
                jos.write(Files.readAllBytes(f));
                jos.closeEntry();
            }
            for (Map.Entry<String, String> s : services.entrySet()) {
                jos.putNextEntry(new JarEntry("META-INF/services/" + s.getKey()));
                jos.write((s.getValue() + "\n").getBytes(StandardCharsets.UTF_8));
                jos.closeEntry();
            }
        }
        return jar;
    }

    /** The folder or jar the connector API classes come from. */
    static Path apiClasses() {
        try {
            return Path.of(ConnectorProvider.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Source of a pull-connector provider of the given type name whose records carry {@code Helper.VERSION}. */
    static String providerSource(String pkg, String type) {
        return """
                package %1$s;

                import dev.subsidy.connector.api.*;
                import java.util.List;

                public class DemoProvider implements ConnectorProvider {
                    public String name() { return "%2$s"; }
                    public ConnectorKind kind() { return ConnectorKind.PULL; }
                    public ConfigDef configDef() {
                        return ConfigDef.builder()
                                .define(ConfigDef.Setting.required("base_url", ConfigDef.Type.URL, "where"))
                                .build();
                    }
                    public Connector create() { return new DemoConnector(); }
                    public String description() { return "demo " + com.example.shared.Helper.VERSION; }

                    static final class DemoConnector implements PullConnector {
                        public void start(ConnectorContext context) { }
                        public void stop() { }
                        public RecordBatch poll(Checkpoint from) {
                            int page = Integer.parseInt(from.get("page").orElse("0")) + 1;
                            return RecordBatch.last(
                                    List.of(SourceRecord.json("page " + page + ", item 0",
                                            "{\\"helper\\":\\"" + com.example.shared.Helper.VERSION + "\\"}")),
                                    Checkpoint.of("page", String.valueOf(page)));
                        }
                    }
                }
                """.formatted(pkg, type);
    }

    /** A helper class with the same name in every plugin, and a different value in each. */
    static String helperSource(String version) {
        return """
                package com.example.shared;

                public final class Helper {
                    public static final String VERSION = "%s";
                    private Helper() { }
                }
                """.formatted(version);
    }

    /** Builds {@code home/plugins/<folder>/<folder>.jar} holding a provider of {@code type}. */
    static Path plugin(Path home, String folder, String pkg, String type, String helperVersion) throws IOException {
        Path work = Files.createDirectories(home.resolve("build-" + folder));
        return buildJar(work, home.resolve("plugins").resolve(folder).resolve(folder + ".jar"),
                Map.of(pkg + ".DemoProvider", providerSource(pkg, type), "com.example.shared.Helper", helperSource(helperVersion)),
                Map.of("dev.subsidy.connector.api.ConnectorProvider", pkg + ".DemoProvider"));
    }
}
