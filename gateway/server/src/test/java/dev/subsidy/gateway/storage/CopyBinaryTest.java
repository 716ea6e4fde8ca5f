package dev.subsidy.gateway.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.subsidy.gateway.storage.CopyBinary.Kind;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The binary rows byte for byte as PostgreSQL's format describes them (signature, flags, extension; per row the
 * field count, each field's length and big-endian bytes, -1 for null; -1 at the end), checked against the same
 * rows written field by field with a {@link DataOutputStream}.
 */
class CopyBinaryTest {

    private static final Kind[] KINDS = {Kind.SMALLINT, Kind.INTEGER, Kind.BIGINT, Kind.TEXT};

    @Test
    void rowsAreTheFormatsBytesWhateverTheTextAndWhereverTheBufferEnds() throws IOException {
        List<Object[]> rows = new ArrayList<>();
        rows.add(new Object[] {(short) -2, -7, Long.MIN_VALUE, "ascii"});
        rows.add(new Object[] {null, null, null, null});
        rows.add(new Object[] {32767, 5L, 42, "从江县 香禾糯 😀 \uD800 lone surrogate"});
        rows.add(new Object[] {0, Integer.MAX_VALUE, -1L, ""});
        rows.add(new Object[] {1, 1, 1L, 17L});
        // fields that end the 64 KiB buffer at every offset, and one larger than it
        for (int n = 65_400; n < 65_560; n += 7) {
            rows.add(new Object[] {1, n, (long) n, "x".repeat(n)});
        }
        rows.add(new Object[] {1, 2, 3L, "é".repeat(40_000) + "a".repeat(70_000)});
        // one string in many rows, as a chunk's batch id is, is encoded once: and rows between of other texts, a null
        String shared = "in-批次-" + rows.size();
        for (Object text : new Object[] {shared, shared, "other", shared, null, shared, 17L, shared}) {
            rows.add(new Object[] {1, 2, 3L, text});
        }

        ByteArrayOutputStream built = new ByteArrayOutputStream();
        CopyBinary copy = new CopyBinary(built);
        copy.writeHeader();
        for (Object[] row : rows) {
            copy.writeRow(row, KINDS);
        }
        copy.writeTrailer();

        assertThat(built.toByteArray()).isEqualTo(reference(rows));
    }

    @Test
    void aValueItsColumnCannotHoldIsRefused() {
        CopyBinary copy = new CopyBinary(new ByteArrayOutputStream());
        assertThatThrownBy(() -> copy.writeRow(new Object[] {40_000, 1, 1L, "a"}, KINDS))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("smallint");
        assertThatThrownBy(() -> copy.writeRow(new Object[] {1, 1L << 40, 1L, "a"}, KINDS))
                .isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(() -> copy.writeRow(new Object[] {1, 1, 1L, 2.5}, KINDS))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Double");
        assertThatThrownBy(() -> copy.writeRow(new Object[] {1, "1", 1L, "a"}, KINDS))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("String");
    }

    private static byte[] reference(List<Object[]> rows) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.write(new byte[] {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0});
        out.writeInt(0);
        out.writeInt(0);
        for (Object[] row : rows) {
            out.writeShort(row.length);
            for (int i = 0; i < row.length; i++) {
                if (row[i] == null) {
                    out.writeInt(-1);
                    continue;
                }
                switch (KINDS[i]) {
                    case SMALLINT -> {
                        out.writeInt(2);
                        out.writeShort(((Number) row[i]).shortValue());
                    }
                    case INTEGER -> {
                        out.writeInt(4);
                        out.writeInt(((Number) row[i]).intValue());
                    }
                    case BIGINT -> {
                        out.writeInt(8);
                        out.writeLong(((Number) row[i]).longValue());
                    }
                    case TEXT -> {
                        byte[] text = row[i].toString().getBytes(StandardCharsets.UTF_8);
                        out.writeInt(text.length);
                        out.write(text);
                    }
                }
            }
        }
        out.writeShort(-1);
        return bytes.toByteArray();
    }
}
