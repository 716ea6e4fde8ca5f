package dev.subsidy.intake;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DatabindException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** A JSON array of records. A syntax error anywhere makes the whole body unreadable (400). */
final class JsonArrayReader implements RecordReader {

    private final String text;
    private final JsonParser parser;
    private final ObjectMapper json;
    private final com.fasterxml.jackson.core.JsonStreamContext arrayContext;
    private int index;
    private boolean done;

    JsonArrayReader(String text, ObjectMapper json) {
        this.text = text;
        this.json = json;
        try {
            this.parser = json.createParser(text);
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
            throw syntax(e);
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
                int start = (int) parser.currentTokenLocation().getCharOffset();
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
                    int end = (int) parser.currentLocation().getCharOffset();
                    out.add(BodyRecord.of(i, object, null, text.substring(start, end)));
                } else {
                    out.add(BodyRecord.unreadable(i, node.toString(), "record is not a JSON object"));
                }
            }
        } catch (JsonProcessingException e) {
            throw syntax(e);
        } catch (IOException e) {
            throw new UnreadableBodyException("body cannot be read: " + e.getMessage(), e);
        }
        return out;
    }

    private void skipToArrayLevel() throws IOException {
        while (parser.getParsingContext() != arrayContext) {
            if (parser.nextToken() == null) {
                throw new UnreadableBodyException("body ends before the closing ] of the array");
            }
        }
    }

    static UnreadableBodyException syntax(JsonProcessingException e) {
        var at = e.getLocation();
        String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
        return new UnreadableBodyException("body is not valid JSON" + where + ": " + e.getOriginalMessage(), e);
    }
}
