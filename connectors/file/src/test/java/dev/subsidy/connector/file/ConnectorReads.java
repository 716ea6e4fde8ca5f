package dev.subsidy.connector.file;

import dev.subsidy.connector.api.FileConnector;
import dev.subsidy.connector.api.SourceRecord;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Reads a real file through a started {@code file} connector, as the gateway's inbox does. */
final class ConnectorReads {

    private ConnectorReads() {}

    static List<SourceRecord> read(Path file, Map<String, String> settings) throws Exception {
        FileConnector connector = (FileConnector) new FileConnectorProvider().create();
        connector.start(TestContext.of(settings));
        try (InputStream in = Files.newInputStream(file)) {
            return connector.read(file.getFileName().toString(), in).records();
        } finally {
            connector.stop();
        }
    }

    static List<SourceRecord> read(Path file) throws Exception {
        return read(file, Map.of());
    }

    static Map<String, Object> fields(SourceRecord record) {
        if (!(record instanceof SourceRecord.Fields f)) {
            throw new AssertionError("expected fields, got " + record);
        }
        return f.fields();
    }
}
