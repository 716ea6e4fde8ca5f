package dev.subsidy.intake;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DatabindException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A JSON array of records. A syntax error anywhere makes the whole body unreadable (400). A body in UTF-8 is read
 * from its bytes, each element's text decoded on its own as its raw payload; a body in another charset from the
 * text it was decoded into.
 */
final class JsonArrayReader implements RecordReader {

    /** The text between two offsets of the parser's locations: an element's raw payload. */
    private interface Slicer {
        String slice(long start, long end);
    }

    private final Slicer slicer;
    /** Whether the parser counts bytes (its input is UTF-8 bytes) rather than chars. */
    private final boolean bytes;
    /** Where the parser's input starts in the body's bytes (past a byte order mark): its byte offsets count from here. */
    private final long base;
    /** The body's bytes, for the byte path; null on the text path. */
    private final byte[] body;
    private final JsonParser parser;
    private final ObjectMapper json;
    private final com.fasterxml.jackson.core.JsonStreamContext arrayContext;
    private int index;
    private boolean done;

    JsonArrayReader(String text, ObjectMapper json) {
        this(json, (start, end) -> text.substring((int) start, (int) end), false, 0, null, text);
    }

    /** Over {@code body} from {@code start} (past a byte order mark), which holds UTF-8. */
    JsonArrayReader(byte[] body, int start, ObjectMapper json) {
        this(json, (from, to) -> new String(body, (int) from, (int) (to - from), StandardCharsets.UTF_8), true,
                start, body, null);
    }

    private JsonArrayReader(ObjectMapper json, Slicer slicer, boolean bytes, long start, byte[] body, String text) {
        this.json = json;
        this.slicer = slicer;
        this.bytes = bytes;
        this.body = body;
        this.base = start;
        try {
            this.parser = bytes ? json.createParser(body, (int) start, body.length - (int) start) : json.createParser(text);
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw new UnreadableBodyException("body is empty: expected a JSON array of records");
            }
            if (first != JsonToken.START_ARRAY) {
                throw new UnreadableBodyException("body is not a JSON array of records (it starts with "
                        + first.asString() + ")");
            }
            this.arrayContext = parser.getParsingContext();
        } catch (JsonProcessingException e) {
            throw located(e);
        } catch (IOException e) {
            throw new UnreadableBodyException("body cannot be read: " + e.getMessage(), e);
        }
    }

    @Override
    public List<BodyRecord> next(int max) {
        List<BodyRecord> out = new ArrayList<>(Math.min(max, 1024));
        try {
            while (!done && out.size() < max) {
                JsonToken token = parser.nextToken();
                if (token == JsonToken.END_ARRAY) {
                    done = true;
                    if (parser.nextToken() != null) {
                        throw new UnreadableBodyException("body has content after the closing ] of the array");
                    }
                    break;
                }
                if (token == null) {
                    throw new UnreadableBodyException("body ends before the closing ] of the array");
                }
                int i = index++;
                // the element's own text, exactly as the feeder wrote it: its raw payload
                long start = offset(parser.currentTokenLocation());
                JsonNode node;
                try {
                    node = json.readTree(parser);
                } catch (DatabindException e) {
                    // the element is well-formed JSON but not a record (a field named twice): skip to
                    // its end and go on with the next one
                    skipToArrayLevel();
                    out.add(BodyRecord.unreadable(i, "", "record is not usable: " + e.getOriginalMessage()));
                    continue;
                } catch (NumberFormatException e) {
                    // a number Jackson cannot hold as a decimal (1.5e40339…: too many exponent digits);
                    // the token is behind the parser, so the element's end is found as above
                    skipToArrayLevel();
                    out.add(BodyRecord.unreadable(i, "", "record holds a number that cannot be read: " + e.getMessage()));
                    continue;
                }
                if (node instanceof ObjectNode object) {
                    long end = offset(parser.currentLocation());
                    out.add(BodyRecord.of(i, object, null, slicer.slice(start, end)));
                } else {
                    out.add(BodyRecord.unreadable(i, node.toString(), "record is not a JSON object"));
                }
            }
        } catch (JsonProcessingException e) {
            throw located(e);
        } catch (IOException e) {
            throw new UnreadableBodyException("body cannot be read: " + e.getMessage(), e);
        }
        return out;
    }

    private long offset(com.fasterxml.jackson.core.JsonLocation at) {
        return bytes ? base + at.getByteOffset() : at.getCharOffset();
    }

    private void skipToArrayLevel() throws IOException {
        while (parser.getParsingContext() != arrayContext) {
            if (parser.nextToken() == null) {
                throw new UnreadableBodyException("body ends before the closing ] of the array");
            }
        }
    }

    /**
     * The syntax error at the place the feeder sees in its text: on the byte path, Jackson counts the column in bytes,
     * which a line with Chinese in it would put far to the right, so the column is counted in characters here.
     */
    private UnreadableBodyException located(JsonProcessingException e) {
        var at = e.getLocation();
        if (!bytes || at == null || at.getByteOffset() < 0) {
            return syntax(e);
        }
        int end = (int) Math.min(body.length, base + at.getByteOffset());
        int lineStart = end;
        while (lineStart > base && body[lineStart - 1] != '\n') {
            lineStart--;
        }
        int column = new String(body, lineStart, end - lineStart, StandardCharsets.UTF_8).length() + 1;
        return new UnreadableBodyException("body is not valid JSON at line " + at.getLineNr() + ", column " + column
                + ": " + e.getOriginalMessage(), e);
    }

    static UnreadableBodyException syntax(JsonProcessingException e) {
        var at = e.getLocation();
        String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
        return new UnreadableBodyException("body is not valid JSON" + where + ": " + e.getOriginalMessage(), e);
    }
}
