package dev.subsidy.gateway.storage;

import java.io.IOException;
import java.io.Writer;

/**
 * Rows in PostgreSQL's COPY text format: columns separated by a tab, rows ended by a newline,
 * NULL written as {@code \N}, and backslash, tab, newline and carriage return escaped with a
 * backslash, so an empty string stays an empty string and a literal {@code \N} stays text.
 */
final class CopyText {

    private CopyText() {}

    static void writeRow(Writer out, Object[] row) throws IOException {
        for (int i = 0; i < row.length; i++) {
            if (i > 0) {
                out.write('\t');
            }
            writeValue(out, row[i]);
        }
        out.write('\n');
    }

    static void writeValue(Writer out, Object value) throws IOException {
        if (value == null) {
            out.write("\\N");
        } else if (value instanceof Integer || value instanceof Long) {
            out.write(value.toString());
        } else if (value instanceof String s) {
            writeText(out, s);
        } else {
            throw new IllegalArgumentException("no COPY text form for " + value.getClass().getName());
        }
    }

    private static void writeText(Writer out, String s) throws IOException {
        int start = 0;
        for (int i = 0; i < s.length(); i++) {
            String escape = switch (s.charAt(i)) {
                case '\\' -> "\\\\";
                case '\t' -> "\\t";
                case '\n' -> "\\n";
                case '\r' -> "\\r";
                default -> null;
            };
            if (escape != null) {
                out.write(s, start, i - start);
                out.write(escape);
                start = i + 1;
            }
        }
        out.write(s, start, s.length() - start);
    }

    /** One row as text, for tests and messages. */
    static String row(Object... row) {
        java.io.StringWriter out = new java.io.StringWriter();
        try {
            writeRow(out, row);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toString();
    }
}
