package dev.subsidy.runtime.file;

import dev.subsidy.connector.api.ConnectorException;
import dev.subsidy.connector.api.RecordBatch;
import dev.subsidy.runtime.ConnectorInstance;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/**
 * Reads the whole file with the connector ({@code FileConnector.read}). A file the connector cannot
 * read as a whole (not CSV or XLSX, no header row, an .xls workbook) is an outcome, not a failure:
 * it goes to {@code failed/} with the reason; only a failure worth retrying (the connector says so)
 * leaves the file in the inbox.
 */
final class ReadStep implements Processor {

    @Override
    public void process(Exchange exchange) throws Exception {
        ConnectorInstance instance = exchange.getProperty(InboxHeaders.INSTANCE, ConnectorInstance.class);
        Path file = exchange.getProperty(InboxHeaders.FILE, Path.class);
        try (InputStream in = Files.newInputStream(file)) {
            RecordBatch batch = instance.file().read(file.getFileName().toString(), in);
            if (batch == null) {
                throw new IllegalStateException("connector type '" + instance.definition().type() + "' returned no batch");
            }
            exchange.setProperty(InboxHeaders.BATCH, batch);
        } catch (ConnectorException e) {
            if (e.isRetryable()) {
                throw e;
            }
            exchange.setProperty(InboxHeaders.UNREADABLE, instance.redactor().describe(e));
        } catch (IOException e) {
            exchange.setProperty(InboxHeaders.UNREADABLE, "the file cannot be read: " + instance.redactor().describe(e));
        }
    }
}
