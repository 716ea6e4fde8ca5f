package dev.subsidy.mapping;

import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLConnection;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Lists the mapping files under a classpath location. A class loader cannot list a "folder" by
 * itself, so the location's URL is followed: a {@code file:} URL is a real folder, a {@code jar:}
 * URL is read through its {@link JarURLConnection} (which also covers Spring Boot's nested jars,
 * whose URL handler returns its own {@link JarFile}). Stateless.
 */
final class ClasspathMappings {

    private ClasspathMappings() {}

    static List<MappingSource> list(ClassLoader loader, String location) throws MappingLoadException {
        String folder = strip(location);
        URL url = loader.getResource(folder);
        if (url == null) {
            throw new MappingLoadException(List.of(new MappingProblem("classpath:" + folder, 0, 0,
                    "no such location on the class path")));
        }
        try {
            if ("file".equals(url.getProtocol())) {
                return fromFolder(Path.of(url.toURI()), folder);
            }
            URLConnection connection = url.openConnection();
            if (connection instanceof JarURLConnection jar) {
                return fromJar(jar, folder);
            }
        } catch (IOException | URISyntaxException e) {
            throw new MappingLoadException("mappings at " + url + " cannot be listed: " + e.getMessage(), e);
        }
        throw new MappingLoadException(List.of(new MappingProblem(url.toString(), 0, 0,
                "cannot list mappings at a " + url.getProtocol() + ": location")));
    }

    private static List<MappingSource> fromFolder(Path dir, String folder) throws IOException {
        List<MappingSource> sources = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.sorted().toList()) {
                String name = MappingSource.nameOf(file.getFileName().toString());
                if (name != null && Files.isRegularFile(file)) {
                    sources.add(new MappingSource(name, "classpath:" + folder + "/" + file.getFileName(),
                            Files.readString(file)));
                }
            }
        }
        return sources;
    }

    private static List<MappingSource> fromJar(JarURLConnection connection, String folder) throws IOException {
        // our own JarFile, closed here, rather than the JVM-wide cached one another caller may be using
        connection.setUseCaches(false);
        String prefix = connection.getEntryName() == null ? "" : strip(connection.getEntryName()) + "/";
        List<MappingSource> sources = new ArrayList<>();
        try (JarFile jar = connection.getJarFile()) {
            Enumeration<JarEntry> entries = jar.entries();
            List<JarEntry> matching = new ArrayList<>();
            while (entries.hasMoreElements()) {
                JarEntry entry = entries.nextElement();
                String rest = entry.getName().startsWith(prefix) ? entry.getName().substring(prefix.length()) : null;
                if (rest != null && !entry.isDirectory() && rest.indexOf('/') < 0 && MappingSource.nameOf(rest) != null) {
                    matching.add(entry);
                }
            }
            matching.sort((a, b) -> a.getName().compareTo(b.getName()));
            for (JarEntry entry : matching) {
                String fileName = entry.getName().substring(prefix.length());
                try (InputStream in = jar.getInputStream(entry)) {
                    sources.add(new MappingSource(MappingSource.nameOf(fileName), "classpath:" + folder + "/" + fileName,
                            new String(in.readAllBytes(), StandardCharsets.UTF_8)));
                }
            }
        }
        return sources;
    }

    private static String strip(String location) {
        String s = location.startsWith("classpath:") ? location.substring("classpath:".length()) : location;
        while (s.startsWith("/")) {
            s = s.substring(1);
        }
        while (s.endsWith("/")) {
            s = s.substring(0, s.length() - 1);
        }
        return s;
    }
}
