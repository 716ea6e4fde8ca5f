package dev.subsidy.runtime.file;

import dev.subsidy.intake.IntakeReceipt;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The per-row error report written beside a file in {@code failed/}: {@code <file>.errors.csv}, one
 * line per refused row with its position in the file and the reason. UTF-8 with a byte-order mark,
 * so that Excel (which otherwise reads a CSV in the system's ANSI code page) shows the Chinese
 * column names and reasons as written. Immutable.
 *
 * @param lines the refused rows, in file order
 */
record ErrorReport(List<Line> lines) {

    /** Suffix added to the file's name. */
    static final String SUFFIX = ".errors.csv";
    static final String HEADER = "position,reason";
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    /** One refused row, or the whole file ({@code position} "file"). */
    record Line(String position, String reason) {}

    ErrorReport {
        lines = List.copyOf(lines);
    }

    /** The file could not be read at all. */
    static ErrorReport unreadable(String reason) {
        return new ErrorReport(List.of(new Line("file", reason)));
    }

    /**
     * The rows the intake refused (the mapping's rejections among them), each at the position of its
     * record ({@code positions}, by record number); the intake puts that position before its reason, which the
     * report keeps apart.
     */
    static ErrorReport of(IntakeReceipt receipt, List<String> positions) {
        return new ErrorReport(receipt.rejected().stream().map(r -> {
            String position = r.index() < positions.size() ? positions.get(r.index()) : null;
            String reason = r.reason();
            if (position != null && reason.startsWith(position + ": ")) {
                reason = reason.substring(position.length() + 2);
            }
            return new Line(position == null ? "record " + (r.index() + 1) : position, reason);
        }).toList());
    }

    /**
     * A report written by {@link #writeTo}, read back for the API: the rows as written, an apostrophe
     * put before a formula-like cell taken off again.
     */
    static ErrorReport readFrom(Path report) throws IOException {
        String text = Files.readString(report, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        List<List<String>> rows = rows(text);
        List<Line> lines = new ArrayList<>();
        for (List<String> row : rows.subList(Math.min(1, rows.size()), rows.size())) {
            lines.add(new Line(uncell(row.get(0)), row.size() > 1 ? uncell(row.get(1)) : ""));
        }
        return new ErrorReport(lines);
    }

    private static String uncell(String v) {
        return v.length() > 1 && v.charAt(0) == '\'' && "=+-@".indexOf(v.charAt(1)) >= 0 ? v.substring(1) : v;
    }

    /** RFC 4180 rows: quoted cells may hold commas, doubled quotes and line breaks. */
    private static List<List<String>> rows(String text) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(cell.toString());
                cell.setLength(0);
            } else if (c == '\r' || c == '\n') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                row.add(cell.toString());
                cell.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
            } else {
                cell.append(c);
            }
        }
        if (cell.length() > 0 || !row.isEmpty()) {
            row.add(cell.toString());
            rows.add(row);
        }
        return rows;
    }

    boolean isEmpty() {
        return lines.isEmpty();
    }

    /** Written beside, then moved in place: a report is never read half-written. */
    void writeTo(Path report) throws IOException {
        StringBuilder csv = new StringBuilder(HEADER).append("\r\n");
        for (Line l : lines) {
            csv.append(cell(l.position())).append(',').append(cell(l.reason())).append("\r\n");
        }
        byte[] text = csv.toString().getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[BOM.length + text.length];
        System.arraycopy(BOM, 0, bytes, 0, BOM.length);
        System.arraycopy(text, 0, bytes, BOM.length, text.length);
        Path temp = report.resolveSibling("." + report.getFileName() + ".tmp");
        Files.write(temp, bytes);
        Files.move(temp, report, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * RFC 4180 quoting; a cell Excel would take for a formula (a reason quoting a cell that starts with
     * =, +, - or @) is prefixed with an apostrophe, so opening a report never runs anything.
     */
    static String cell(String value) {
        String v = value == null ? "" : value;
        if (!v.isEmpty() && "=+-@".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        if (v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0) {
            return '"' + v.replace("\"", "\"\"") + '"';
        }
        return v;
    }
}
