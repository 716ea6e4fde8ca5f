package dev.subsidy.connector.file.fuzz;

import dev.subsidy.connector.api.ConnectorException;
import dev.subsidy.connector.api.FileConnector;
import dev.subsidy.connector.api.RecordBatch;
import dev.subsidy.connector.api.SourceRecord;
import dev.subsidy.connector.file.FileConnectorProvider;
import dev.subsidy.connector.file.TestContext;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Map;

/**
 * The property every file fuzz test checks: a started {@code file} connector reads the bytes, as the
 * gateway's inbox hands them over, into records each with its position, or refuses the whole file as
 * BAD_PAYLOAD with a reason (the file then goes to {@code failed/} with it). Anything else it throws
 * would stop the inbox route on that file, and a hang would stall the connector: both are findings.
 */
final class FileReads {

    private FileReads() {}

    static void readOrRefuse(String fileName, Map<String, String> settings, byte[] content) throws Exception {
        FileConnector connector = (FileConnector) new FileConnectorProvider().create();
        connector.start(TestContext.of(settings));
        try {
            RecordBatch batch = connector.read(fileName, new ByteArrayInputStream(content));
            for (SourceRecord r : batch.records()) {
                if (r.position() == null || r.position().isBlank()) {
                    throw new AssertionError("a record without its position in " + fileName + ": " + r);
                }
            }
        } catch (ConnectorException e) {
            if (e.reason() != ConnectorException.Reason.BAD_PAYLOAD || e.getMessage() == null || e.getMessage().isBlank()) {
                throw new AssertionError("refused without a reason an operator can act on (" + e.reason() + ")", e);
            }
        } catch (IOException e) {
            throw new AssertionError("bytes in memory cannot fail to be read", e);
        } finally {
            connector.stop();
        }
    }
}
