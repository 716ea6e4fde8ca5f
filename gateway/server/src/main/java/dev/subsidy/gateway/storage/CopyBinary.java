package dev.subsidy.gateway.storage;

import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Rows in PostgreSQL's COPY binary format: a signature, then per row its field count and each field
 * as its length and bytes (-1 for null), then -1. The server reads a binary integer or a text's UTF-8
 * bytes as they are, where the text format had it parse digits and undo escapes column by column (a
 * sixth of the server's time on the intake's rows). Each field must be in its column's own binary form,
 * so a column's kind comes from the table's definition, not from the Java value.
 */
final class CopyBinary {

    private static final byte[] SIGNATURE = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0};

    /** The column types written in binary; a table with any other takes the text format. */
    enum Kind {
        SMALLINT, INTEGER, BIGINT, TEXT;

        /** The kind of a PostgreSQL type name ({@code pg_type.typname}), or null when not written in binary. */
        static Kind of(String typeName) {
            return switch (typeName.toLowerCase(Locale.ROOT)) {
                case "int2" -> SMALLINT;
                case "int4" -> INTEGER;
                case "int8" -> BIGINT;
                case "text", "varchar" -> TEXT;
                default -> null;
            };
        }
    }

    private CopyBinary() {}

    static void writeHeader(DataOutputStream out) throws IOException {
        out.write(SIGNATURE);
        out.writeInt(0); // flags: no OIDs
        out.writeInt(0); // no header extension
    }

    static void writeRow(DataOutputStream out, Object[] row, Kind[] kinds) throws IOException {
        out.writeShort(row.length);
        for (int i = 0; i < row.length; i++) {
            writeValue(out, row[i], kinds[i]);
        }
    }

    static void writeTrailer(DataOutputStream out) throws IOException {
        out.writeShort(-1);
    }

    private static void writeValue(DataOutputStream out, Object value, Kind kind) throws IOException {
        if (value == null) {
            out.writeInt(-1);
            return;
        }
        switch (kind) {
            case SMALLINT -> {
                long n = whole(value, kind);
                if (n != (short) n) {
                    throw new IllegalArgumentException(n + " does not fit a smallint column");
                }
                out.writeInt(2);
                out.writeShort((int) n);
            }
            case INTEGER -> {
                out.writeInt(4);
                out.writeInt(Math.toIntExact(whole(value, kind)));
            }
            case BIGINT -> {
                out.writeInt(8);
                out.writeLong(whole(value, kind));
            }
            case TEXT -> {
                if (!(value instanceof String) && !(value instanceof Integer) && !(value instanceof Long)) {
                    throw new IllegalArgumentException("no COPY form for " + value.getClass().getName());
                }
                byte[] bytes = value.toString().getBytes(StandardCharsets.UTF_8);
                out.writeInt(bytes.length);
                out.write(bytes);
            }
        }
    }

    private static long whole(Object value, Kind kind) {
        if (value instanceof Integer || value instanceof Long || value instanceof Short) {
            return ((Number) value).longValue();
        }
        throw new IllegalArgumentException("a " + value.getClass().getName() + " for a " + kind + " column");
    }
}
