package dev.subsidy.connector.file;

import dev.subsidy.connector.api.ConnectorException;
import dev.subsidy.connector.api.SourceRecord;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Reads an XLSX export: the first sheet or the one named in the definition, the header at the
 * configured row, then one record per non-blank row, positioned {@code sheet 运单, row N} with Excel's
 * row number. Cells are read as {@link CellText} gives them. A row may stop early (Excel does not store
 * trailing empty cells); a row with filled cells beyond the header is unreadable. Stateless and
 * thread-safe.
 *
 * <p>The whole workbook is held in memory while it is read, as POI's user model does; a branch's
 * monthly export is well within that.
 */
final class XlsxFileReader {

    private XlsxFileReader() {}

    static List<SourceRecord> read(byte[] content, ReadOptions options) throws ConnectorException {
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(content))) {
            Sheet sheet = sheet(workbook, options);
            boolean date1904 = workbook.isDate1904();
            String where = "sheet " + sheet.getSheetName() + ", row ";
            List<SourceRecord> records = new ArrayList<>();
            RowRecords rows = null;
            for (int r = options.headerRow() - 1; r <= sheet.getLastRowNum(); r++) {
                List<String> cells = cells(sheet.getRow(r), date1904);
                if (RowRecords.blankRow(cells)) {
                    continue;
                }
                if (rows == null) {
                    rows = RowRecords.fromHeader(cells);
                    continue;
                }
                records.add(rows.record(where + (r + 1), cells, false));
            }
            if (rows == null) {
                throw new ConnectorException(ConnectorException.Reason.BAD_PAYLOAD, "sheet " + sheet.getSheetName()
                        + " has no header row (expected at row " + options.headerRow() + " or after)");
            }
            return records;
        } catch (IOException | RuntimeException e) {
            // POI reports a file that is not a workbook with assorted runtime exceptions
            throw new ConnectorException(ConnectorException.Reason.BAD_PAYLOAD,
                    "the file is not a readable XLSX workbook: " + e.getMessage(), e);
        }
    }

    private static Sheet sheet(XSSFWorkbook workbook, ReadOptions options) throws ConnectorException {
        if (options.sheet().isEmpty()) {
            if (workbook.getNumberOfSheets() == 0) {
                throw new ConnectorException(ConnectorException.Reason.BAD_PAYLOAD, "the workbook has no sheet");
            }
            return workbook.getSheetAt(0);
        }
        Sheet sheet = workbook.getSheet(options.sheet().get());
        if (sheet == null) {
            List<String> names = new ArrayList<>();
            workbook.forEach(s -> names.add(s.getSheetName()));
            throw new ConnectorException(ConnectorException.Reason.BAD_PAYLOAD,
                    "the workbook has no sheet named '" + options.sheet().get() + "' (its sheets: " + names + ")");
        }
        return sheet;
    }

    private static List<String> cells(Row row, boolean date1904) {
        if (row == null || row.getLastCellNum() <= 0) {
            return List.of();
        }
        List<String> cells = new ArrayList<>(row.getLastCellNum());
        for (int c = 0; c < row.getLastCellNum(); c++) {
            cells.add(CellText.of(row.getCell(c), date1904));
        }
        return cells;
    }
}
