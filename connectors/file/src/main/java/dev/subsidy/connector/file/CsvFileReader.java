package dev.subsidy.connector.file;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import dev.subsidy.connector.api.ConnectorException;
import dev.subsidy.connector.api.SourceRecord;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads a CSV export: encoding detected ({@link TextDecoding}), the header at the configured row,
 * then one record per row, positioned {@code row N} where N counts CSV rows from 1 as a spreadsheet
 * shows them (the header and any title rows included; a quoted cell may span lines). Blank rows are
 * skipped. Stateless and thread-safe.
 */
final class CsvFileReader {

    private static final CsvMapper CSV = CsvMapper.builder().enable(CsvParser.Feature.WRAP_AS_ARRAY).build();

    private CsvFileReader() {}

    static List<SourceRecord> read(byte[] content, ReadOptions options) throws ConnectorException {
        String text = TextDecoding.decode(content, options.encoding());
        List<SourceRecord> records = new ArrayList<>();
        RowRecords rows = null;
        int row = 0;
        try (MappingIterator<String[]> it = CSV.readerFor(String[].class).readValues(text)) {
            while (true) {
                String[] cells;
                try {
                    if (!it.hasNextValue()) {
                        break;
                    }
                    cells = it.nextValue();
                } catch (IOException | RuntimeException e) {
                    // the CSV parser cannot find its feet again after a broken quote: the rest of the
                    // file is one unreadable item, and every row before it is kept
                    if (rows == null) {
                        throw new ConnectorException(ConnectorException.Reason.BAD_PAYLOAD,
                                "the CSV header cannot be read: " + e.getMessage(), e);
                    }
                    records.add(SourceRecord.unreadable("row " + (row + 1),
                            "CSV cannot be read from this row on: " + firstLine(e.getMessage()), ""));
                    break;
                }
                row++;
                List<String> list = Arrays.asList(cells);
                if (row < options.headerRow() || RowRecords.blankRow(list)) {
                    continue;
                }
                if (rows == null) {
                    rows = RowRecords.fromHeader(list);
                    continue;
                }
                records.add(rows.record("row " + row, list, true));
            }
        } catch (IOException e) {
            throw new ConnectorException(ConnectorException.Reason.BAD_PAYLOAD, "the CSV cannot be read: " + e.getMessage(), e);
        }
        if (rows == null) {
            throw new ConnectorException(ConnectorException.Reason.BAD_PAYLOAD,
                    "the file has no header row (expected at row " + options.headerRow() + " or after)");
        }
        return records;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "malformed CSV";
        }
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
    }
}
