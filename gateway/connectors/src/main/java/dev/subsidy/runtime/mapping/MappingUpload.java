package dev.subsidy.runtime.mapping;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * A mapping's text as uploaded: UTF-8, strictly, and no longer than the limit. What is refused is
 * placed by line and column like a compile problem: where the text crosses the limit (the rest is
 * never read), or the first byte that is not UTF-8, with its offset. Stateless.
 */
public final class MappingUpload {

    /**
     * The text, or where and why it is refused.
     *
     * @param text the mapping's text (a leading byte-order mark removed), or null when refused
     */
    public record Result(String text, int line, int column, String problem) {}

    private MappingUpload() {}

    public static Result read(InputStream body, int limit) {
        byte[] bytes;
        try (InputStream in = body) {
            bytes = in.readNBytes(limit + 1);
        } catch (IOException e) {
            throw new UncheckedIOException("request body cannot be read", e);
        }
        return of(bytes, limit);
    }

    public static Result of(byte[] bytes, int limit) {
        if (bytes.length > limit) {
            int[] place = place(bytes, limit, true);
            return new Result(null, place[0], place[1], "the mapping is longer than the " + limit
                    + " bytes a mapping may have (gateway.mappings.max-text-bytes)");
        }
        int bad = firstMalformed(bytes);
        if (bad >= 0) {
            int[] place = place(bytes, bad, false);
            return new Result(null, place[0], place[1], "the text is not UTF-8: the byte at offset " + bad + " (0x"
                    + String.format("%02X", bytes[bad]) + ") is not part of any UTF-8 character; save the mapping as UTF-8");
        }
        return new Result(MappingSources.withoutBom(new String(bytes, StandardCharsets.UTF_8)), 0, 0, null);
    }

    /** The offset of the first byte that is not valid UTF-8, or -1 when all are. */
    private static int firstMalformed(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            return in.position();
        }
        return decoder.flush(out).isError() ? in.position() : -1;
    }

    /**
     * The line and column (1-based, in characters, a leading byte-order mark not counted) of the byte
     * at {@code offset}, or with {@code containing} of the character that byte is part of.
     */
    private static int[] place(byte[] bytes, int offset, boolean containing) {
        int start = offset;
        while (containing && start > 0 && (bytes[start] & 0xC0) == 0x80 && offset - start < 3) {
            start--;
        }
        int line = 1;
        int column = 1;
        for (int i = startsWithBom(bytes) ? 3 : 0; i < start; i++) {
            if (bytes[i] == '\n') {
                line++;
                column = 1;
            } else if ((bytes[i] & 0xC0) != 0x80) {
                column++;
            }
        }
        return new int[] {line, column};
    }

    private static boolean startsWithBom(byte[] bytes) {
        return bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF;
    }
}
