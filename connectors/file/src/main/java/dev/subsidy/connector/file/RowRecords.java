package dev.subsidy.connector.file;

import dev.subsidy.connector.api.SourceRecord;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a header row and data rows into source records: each row a
 * {@link SourceRecord.Fields} of header to cell text (stripped, blank cells as {@code ""}), or an
 * {@link SourceRecord.Unreadable} when its cells do not line up with the header. Immutable.
 */
final class RowRecords {

    private static final int MAX_RAW = 200;

    private final List<String> header;

    private RowRecords(List<String> header) {
        this.header = List.copyOf(header);
    }

    /**
     * The column names of a header row: stripped; trailing blank cells dropped (spreadsheets leave
     * them behind); a blank cell in between named {@code column N}; a name seen before made unique as
     * {@code 备注 (2)}, so that no column is silently lost.
     *
     * @return the names, or {@code null} when the row is blank
     */
    static RowRecords fromHeader(List<String> cells) {
        List<String> names = new ArrayList<>(cells.size());
        cells.forEach(c -> names.add(c == null ? "" : c.strip()));
        while (!names.isEmpty() && names.get(names.size() - 1).isEmpty()) {
            names.remove(names.size() - 1);
        }
        if (names.isEmpty()) {
            return null;
        }
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i).isEmpty() ? "column " + (i + 1) : names.get(i);
            int count = seen.merge(name, 1, Integer::sum);
            names.set(i, count == 1 ? name : name + " (" + count + ")");
        }
        return new RowRecords(names);
    }

    /** The column names. */
    List<String> header() {
        return header;
    }

    /**
     * The record of one data row.
     *
     * @param cells the row's cells in column order (a spreadsheet row may stop early: missing cells are blank)
     * @param strict whether a row must have exactly the header's number of cells (CSV: a short row is
     *     broken) or may stop early (XLSX does not store trailing empty cells)
     */
    SourceRecord record(String position, List<String> cells, boolean strict) {
        int width = cells.size();
        // cells past the header are tolerated only when blank: spreadsheets leave empty cells behind
        while (width > header.size() && blank(cells.get(width - 1))) {
            width--;
        }
        if (width > header.size() || strict && width < header.size()) {
            return SourceRecord.unreadable(position,
                    "row has " + width + " cells, the header has " + header.size(), raw(cells));
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        for (int i = 0; i < header.size(); i++) {
            String cell = i < width ? cells.get(i) : "";
            fields.put(header.get(i), cell == null ? "" : cell.strip());
        }
        return SourceRecord.fields(position, fields);
    }

    /** Whether every cell of a row is blank (such rows are skipped). */
    static boolean blankRow(List<String> cells) {
        return cells.stream().allMatch(RowRecords::blank);
    }

    private static boolean blank(String cell) {
        return cell == null || cell.isBlank();
    }

    static String raw(List<String> cells) {
        String raw = String.join(",", cells.stream().map(c -> c == null ? "" : c).toList());
        return raw.length() > MAX_RAW ? raw.substring(0, MAX_RAW - 3) + "..." : raw;
    }
}
