package dev.subsidy.intake;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
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

    @Override
    public List<BodyRecord> next(int max) {
        List<BodyRecord> out = new ArrayList<>(Math.min(max, 1024));
        while (position < bytes.length && out.size() < max) {
            int end = position;
            while (end < bytes.length && bytes[end] != '\n') {
                end++;
            }
            String raw = new String(bytes, position, end - position, charset).strip();
            position = end + 1;
            line++;
            if (raw.isEmpty()) {
                continue;
            }
            int i = index++;
            try {
                JsonNode node = json.readTree(raw);
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
}
