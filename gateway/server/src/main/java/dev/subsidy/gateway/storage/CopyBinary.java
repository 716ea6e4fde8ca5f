package dev.subsidy.gateway.storage;

import java.io.IOException;
import java.io.OutputStream;
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

    private static final int BUFFER = 1 << 16;

    private final OutputStream out;
    private byte[] buffer = new byte[BUFFER];
    private int at;

    /**
     * Rows built in one byte array and handed to {@code out} a buffer at a time: the stream sees one write per
     * 64 KiB, where a {@code DataOutputStream} made one per byte of every length (measured: the encoding was
     * over half of the writing thread's time on PostgreSQL).
     */
    CopyBinary(OutputStream out) {
        this.out = out;
    }

    void writeHeader() throws IOException {
        room(SIGNATURE.length + 8);
        System.arraycopy(SIGNATURE, 0, buffer, at, SIGNATURE.length);
        at += SIGNATURE.length;
        int32(0); // flags: no OIDs
        int32(0); // no header extension
    }

    void writeRow(Object[] row, Kind[] kinds) throws IOException {
        room(2);
        int16(row.length);
        if (lastText.length < row.length) {
            lastText = new String[row.length];
            lastBytes = new byte[row.length][];
        }
        for (int i = 0; i < row.length; i++) {
            writeValue(i, row[i], kinds[i]);
        }
    }

    /**
     * The text of each column in the row before and its bytes: a chunk's rows share their batch, their connector and
     * many a short value as the very same string, encoded once rather than once a row. A text goes as its UTF-8 bytes
     * after their count: {@code getBytes} copies an ASCII string's bytes whole, where reading it a character at a time
     * was a fifth of the intake threads' samples (4 million fields of a record's sizes in 67 ms against 210 ms).
     */
    private String[] lastText = new String[0];
    private byte[][] lastBytes = new byte[0][];

    private void text(int column, String text) throws IOException {
        byte[] bytes;
        if (lastText[column] == text) {
            bytes = lastBytes[column];
        } else {
            bytes = text.getBytes(StandardCharsets.UTF_8);
            lastText[column] = text;
            lastBytes[column] = bytes;
        }
        room(4 + bytes.length);
        int32(bytes.length);
        System.arraycopy(bytes, 0, buffer, at, bytes.length);
        at += bytes.length;
    }

    /** The trailer, and everything still in the buffer to the stream. */
    void writeTrailer() throws IOException {
        room(2);
        int16(-1);
        out.write(buffer, 0, at);
        at = 0;
        out.flush();
    }

    private void writeValue(int column, Object value, Kind kind) throws IOException {
        if (value == null) {
            room(4);
            int32(-1);
            return;
        }
        switch (kind) {
            case SMALLINT -> {
                long n = whole(value, kind);
                if (n != (short) n) {
                    throw new IllegalArgumentException(n + " does not fit a smallint column");
                }
                room(6);
                int32(2);
                int16((int) n);
            }
            case INTEGER -> {
                int n = Math.toIntExact(whole(value, kind));
                room(8);
                int32(4);
                int32(n);
            }
            case BIGINT -> {
                long n = whole(value, kind);
                room(12);
                int32(8);
                int32((int) (n >>> 32));
                int32((int) n);
            }
            case TEXT -> {
                if (value instanceof String text) {
                    text(column, text);
                } else if (value instanceof Integer || value instanceof Long) {
                    text(column, String.valueOf(whole(value, kind)));
                } else {
                    throw new IllegalArgumentException("no COPY form for " + value.getClass().getName());
                }
            }
        }
    }


    /** Makes room for {@code bytes} more: hands the buffer on when full, grows it for a field larger than it. */
    private void room(int bytes) throws IOException {
        if (at + bytes <= buffer.length) {
            return;
        }
        out.write(buffer, 0, at);
        at = 0;
        if (bytes > buffer.length) {
            buffer = new byte[bytes];
        }
    }

    private void int32(int v) {
        buffer[at] = (byte) (v >>> 24);
        buffer[at + 1] = (byte) (v >>> 16);
        buffer[at + 2] = (byte) (v >>> 8);
        buffer[at + 3] = (byte) v;
        at += 4;
    }

    private void int16(int v) {
        buffer[at] = (byte) (v >>> 8);
        buffer[at + 1] = (byte) v;
        at += 2;
    }

    /**
     * Each box by its own class, which is final: no call through {@code Number} whose receivers the JIT would guess
     * from the rows it saw first and compile again when another table's rows came.
     */
    private static long whole(Object value, Kind kind) {
        if (value instanceof Integer n) {
            return n;
        }
        if (value instanceof Long n) {
            return n;
        }
        if (value instanceof Short n) {
            return n;
        }
        throw new IllegalArgumentException("a " + value.getClass().getName() + " for a " + kind + " column");
    }
}
