package dev.subsidy.bench;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.subsidy.connector.api.SourceRecord;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The samples of one mapping (mappings/samples/&lt;name&gt;/, copied into this module's classes under
 * mapping-samples/): each case's native record with its parameters.
 */
final class MappingSamples {

    private static final String INPUT = ".input.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One case: the record as the connector hands it over, and the definition's parameters. */
    record Case(SourceRecord record, Map<String, String> params) {}

    private MappingSamples() {}

    static List<Case> of(String mapping) throws IOException {
        URL url = MappingSamples.class.getClassLoader().getResource("mapping-samples/" + mapping);
        if (url == null) {
            throw new IllegalArgumentException("no samples of mapping '" + mapping + "' on the class path");
        }
        URI uri;
        try {
            uri = url.toURI();
        } catch (URISyntaxException e) {
            throw new IOException(e);
        }
        if ("file".equals(uri.getScheme())) {
            return read(Path.of(uri));
        }
        try (FileSystem jar = FileSystems.newFileSystem(uri, Map.of())) {
            return read(jar.provider().getPath(uri));
        }
    }

    private static List<Case> read(Path folder) throws IOException {
        List<Case> cases = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path input : files.filter(f -> f.getFileName().toString().endsWith(INPUT)).sorted().toList()) {
                String file = input.getFileName().toString();
                String name = file.substring(0, file.length() - INPUT.length());
                Path paramsFile = folder.resolve(name + ".params.json");
                Map<String, String> params = Files.exists(paramsFile)
                        ? JSON.readValue(Files.readString(paramsFile), new TypeReference<Map<String, String>>() {})
                        : Map.of();
                cases.add(new Case(SourceRecord.json("sample " + name, Files.readString(input)), params));
            }
        }
        if (cases.isEmpty()) {
            throw new IllegalStateException("no *" + INPUT + " samples in " + folder);
        }
        return cases;
    }
}
