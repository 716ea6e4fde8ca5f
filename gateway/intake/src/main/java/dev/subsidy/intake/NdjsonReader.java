package dev.subsidy.intake;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Newline-delimited JSON: each non-blank line is one record, so a broken line rejects only that
 * record. Index counts non-blank lines from 0.
 */
final class NdjsonReader implements RecordReader {

    private final byte[] bytes;
    private final Charset charset;
    private final ObjectMapper json;
    private int position;
    private int index;
    private int line;

    NdjsonReader(String text, ObjectMapper json) {
        this(text.getBytes(StandardCharsets.UTF_8), 0, StandardCharsets.UTF_8, json);
    }

    /**
     * Lines are found in the bytes (LF is never inside a multi-byte character of UTF-8 or GB18030) and
     * decoded one at a time: the body is never held as text.
     *
     * @param bytes text already checked to be {@code charset} from {@code start}
     */
    NdjsonReader(byte[] bytes, int start, Charset charset, ObjectMapper json) {
        this.bytes = bytes;
        this.position = start;
        this.charset = charset;
        this.json = json;
    }

    /**
     * The line's JSON, parsed from its bytes when they are plain ASCII (nearly every line of a feed): then they are
     * its text's UTF-8 too, and Jackson's parser over bytes is the faster one (docs/operations.md "Database"). A line
     * with any other character, or one that does not parse, is parsed from its text, as it always was: Jackson words
     * some errors differently over bytes, and a line's rejection reads the same whichever way it came.
     */
    private JsonNode tree(String raw, int from, int length) throws JsonProcessingException {
        if (raw.length() == length && !zeroAmongFirstFour(from, length)) {
            try {
                return json.readTree(bytes, from, length);
            } catch (IOException | NumberFormatException e) {
                // read again below, from the text, for the error as its text gives it
            }
        }
        return json.readTree(raw);
    }

    @Override
    public List<BodyRecord> next(int max) {
        List<BodyRecord> out = new ArrayList<>(Math.min(max, 1024));
        while (position < bytes.length && out.size() < max) {
            int end = position;
            while (end < bytes.length && bytes[end] != '\n') {
                end++;
            }
            // whitespace bytes are never part of a character in UTF-8 or GB18030, so the ends trim as bytes; strip()
            // then takes what only the text shows (U+3000 and the like)
            int from = position;
            int to = end;
            while (from < to && whitespace(bytes[from])) {
                from++;
            }
            while (to > from && whitespace(bytes[to - 1])) {
                to--;
            }
            String raw = new String(bytes, from, to - from, charset).strip();
            position = end + 1;
            line++;
            if (raw.isEmpty()) {
                continue;
            }
            int i = index++;
            try {
                JsonNode node = tree(raw, from, to - from);
                if (node instanceof ObjectNode object) {
                    out.add(BodyRecord.of(i, object, raw));
                } else {
                    out.add(BodyRecord.unreadable(i, raw, "line " + line + " is not a JSON object"));
                }
            } catch (JsonProcessingException e) {
                out.add(BodyRecord.unreadable(i, raw, "line " + line + " is not valid JSON: " + e.getOriginalMessage()));
            } catch (NumberFormatException e) {
                // a number Jackson cannot hold as a decimal (1.5e40339…: too many exponent digits)
                out.add(BodyRecord.unreadable(i, raw, "line " + line + " holds a number that cannot be read: " + e.getMessage()));
            }
        }
        return out;
    }

    /**
     * Whether a NUL is among the line's first four bytes: Jackson tells UTF-16 and UTF-32 from UTF-8 by the zero bytes
     * there, and would read such a line as text the line is not.
     */
    private boolean zeroAmongFirstFour(int from, int length) {
        for (int i = from; i < from + Math.min(4, length); i++) {
            if (bytes[i] == 0) {
                return true;
            }
        }
        return false;
    }

    /** What {@link String#strip()} takes from the ends among ASCII. */
    private static boolean whitespace(byte b) {
        return b == ' ' || (b >= 0x09 && b <= 0x0D) || (b >= 0x1C && b <= 0x1F);
    }
}
