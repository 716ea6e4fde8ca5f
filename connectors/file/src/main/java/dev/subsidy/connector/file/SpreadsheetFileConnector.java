package dev.subsidy.connector.file;

import dev.subsidy.connector.api.ConnectorContext;
import dev.subsidy.connector.api.ConnectorException;
import dev.subsidy.connector.api.FileConnector;
import dev.subsidy.connector.api.RecordBatch;
import dev.subsidy.connector.api.SourceRecord;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;

/**
 * A {@code file} connector instance: reads one CSV or XLSX file into one record per row.
 *
 * <p>Idempotent: the same bytes give the same records and positions. Holds only its settings, fixed
 * at {@link #start}; the gateway calls {@link #read} for one file at a time, and {@link #accepts} may
 * be called from any thread.
 */
final class SpreadsheetFileConnector implements FileConnector {

    private volatile ReadOptions options;

    @Override
    public void start(ConnectorContext context) {
        this.options = ReadOptions.of(context.config());
    }

    @Override
    public boolean accepts(String fileName) {
        if (!InboxFileNames.isCandidate(fileName)) {
            return false;
        }
        ReadOptions o = options;
        return o != null && o.forcedFormat().isPresent() || FileFormat.byName(fileName).isPresent();
    }

    @Override
    public RecordBatch read(String fileName, InputStream content) throws ConnectorException, IOException {
        ReadOptions o = options;
        if (o == null) {
            throw new IllegalStateException("read before start");
        }
        byte[] bytes = content.readAllBytes();
        if (FileFormat.isLegacyExcel(bytes)) {
            throw new ConnectorException(ConnectorException.Reason.BAD_PAYLOAD,
                    fileName + " is an Excel 97-2003 (.xls) workbook: save it as .xlsx or CSV");
        }
        Optional<FileFormat> declared = o.forcedFormat().or(() -> FileFormat.byName(fileName));
        FileFormat format = FileFormat.byContent(bytes, declared.orElse(FileFormat.CSV));
        List<SourceRecord> records = format == FileFormat.XLSX
                ? XlsxFileReader.read(bytes, o)
                : CsvFileReader.read(bytes, o);
        return RecordBatch.of(records);
    }

    @Override
    public void stop() {
        // nothing held between files
    }
}
