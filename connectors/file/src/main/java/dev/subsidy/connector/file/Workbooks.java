package dev.subsidy.connector.file;

import dev.subsidy.connector.api.ConnectorException;
import dev.subsidy.connector.api.SourceRecord;
import java.util.List;
import java.util.Optional;

/**
 * The file connector's XLSX reading, for the gateway's other spreadsheet uploads (the registry's
 * import), so that a workbook reads the same wherever it is sent: cells as {@link CellText} gives
 * them, rows positioned {@code sheet 名录, row N}, a row with cells past the header unreadable.
 * Stateless and thread-safe.
 */
public final class Workbooks {

    private static final ReadOptions FIRST_SHEET = new ReadOptions("xlsx", Optional.empty(), 1, ReadOptions.AUTO);

    private Workbooks() {}

    /**
     * The first sheet's rows: its first non-blank row is the header, each later non-blank row one record.
     *
     * @throws ConnectorException (BAD_PAYLOAD) when the bytes are not a readable XLSX workbook, an
     *     Excel 97-2003 workbook, or a workbook without a header row, with the reason in words
     */
    public static List<SourceRecord> firstSheet(byte[] content) throws ConnectorException {
        if (FileFormat.isLegacyExcel(content)) {
            throw new ConnectorException(ConnectorException.Reason.BAD_PAYLOAD,
                    "this is an Excel 97-2003 (.xls) workbook: save it as .xlsx or CSV");
        }
        return XlsxFileReader.read(content, FIRST_SHEET);
    }
}
