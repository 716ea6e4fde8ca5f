package dev.subsidy.intake;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * The raw payloads of a chunk's records of one kind, kept together as one value (docs/records.md "Provenance",
 * the gateway's table {@code raw_segment}): their texts one after another in UTF-8, deflated. A record's row names
 * its segment (its batch and a number) and where its text lies in it, in bytes of the inflated segment.
 *
 * <p>Why not a text column per record: the raw payload was the largest value of a new record's row, and every
 * byte of the row is written for each record on the intake's hot path. Texts of one feed repeat their keys and most
 * of their values, so a chunk's payloads deflate to about a tenth; a million bench records took 559 MiB of
 * database with the text in the row, 263 MiB with segments (docs/operations.md "Database").
 */
public final class RawSegment {

    /** Fast over small: a segment is packed once per chunk, read rarely. */
    private static final int LEVEL = Deflater.BEST_SPEED;

    private RawSegment() {}

    /**
     * Texts packed as one segment.
     *
     * @param body the deflated segment
     * @param at where each text begins in the inflated segment (bytes), -1 for a null text
     * @param length each text's length in UTF-8 bytes, 0 for a null text
     */
    public record Packed(byte[] body, int[] at, int[] length) {}

    /**
     * Where one record's text lies: the segment its chunk was packed in, shared by the chunk's records of one kind,
     * and its place in the inflated segment. Packed on the thread that read the records, so that the one writing
     * them only writes the segment once and three small numbers a row.
     */
    public record Place(Packed segment, int at, int length) {}

    /**
     * Packs {@code texts}, in their order; a text that is the same object as the one before it (records mapped from
     * one partner record share their payload) is kept once, both pointing at it.
     *
     * @return null when every text is null: there is nothing to keep
     */
    public static Packed pack(List<String> texts) {
        return pack(texts, null);
    }

    /**
     * As {@link #pack(List)}, and the SHA-256 of each text worked out from the bytes packed, so that a text is encoded
     * once for both: the intake's reading thread packs and hashes every raw payload.
     *
     * @param hashes where each text's SHA-256 (hex, of its UTF-8) is written, null for a null text; or null for none
     */
    static Packed pack(List<String> texts, String[] hashes) {
        int[] at = new int[texts.size()];
        int[] length = new int[texts.size()];
        byte[] inflated = new byte[Math.max(64, texts.size() * 256)];
        int size = 0;
        String previous = null;
        boolean any = false;
        for (int i = 0; i < at.length; i++) {
            String text = texts.get(i);
            if (text == null) {
                at[i] = -1;
                continue;
            }
            any = true;
            if (text == previous) {
                at[i] = at[i - 1];
                length[i] = length[i - 1];
                if (hashes != null) {
                    hashes[i] = hashes[i - 1];
                }
                continue;
            }
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            if (size + bytes.length > inflated.length) {
                inflated = Arrays.copyOf(inflated, Math.max(inflated.length * 2, size + bytes.length));
            }
            System.arraycopy(bytes, 0, inflated, size, bytes.length);
            at[i] = size;
            length[i] = bytes.length;
            size += bytes.length;
            if (hashes != null) {
                hashes[i] = CanonicalForm.sha256(bytes);
            }
            previous = text;
        }
        return any ? new Packed(deflate(inflated, size), at, length) : null;
    }

    /** The segment as its texts were written, one after another. */
    public static byte[] inflate(byte[] body) {
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(body);
            ByteArrayOutputStream out = new ByteArrayOutputStream(body.length * 8);
            byte[] buffer = new byte[64 * 1024];
            while (!inflater.finished()) {
                int n = inflater.inflate(buffer);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw new IllegalStateException("raw payload segment is cut short: "
                            + inflater.getTotalIn() + " of its bytes inflate to no complete segment");
                }
                out.write(buffer, 0, n);
            }
            return out.toByteArray();
        } catch (DataFormatException e) {
            throw new IllegalStateException("raw payload segment is not deflated data: " + e.getMessage(), e);
        } finally {
            inflater.end();
        }
    }

    /** The text at {@code at} of {@code length} bytes in an {@link #inflate inflated} segment. */
    public static String text(byte[] inflated, int at, int length) {
        if (at < 0 || length < 0 || at + length > inflated.length) {
            throw new IllegalStateException("raw payload at " + at + " of " + length + " bytes lies outside its "
                    + "segment of " + inflated.length + " bytes");
        }
        return new String(inflated, at, length, StandardCharsets.UTF_8);
    }

    private static byte[] deflate(byte[] input, int size) {
        Deflater deflater = new Deflater(LEVEL);
        try {
            deflater.setInput(input, 0, size);
            deflater.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, size / 6));
            byte[] buffer = new byte[64 * 1024];
            while (!deflater.finished()) {
                out.write(buffer, 0, deflater.deflate(buffer));
            }
            return out.toByteArray();
        } finally {
            deflater.end();
        }
    }

}
