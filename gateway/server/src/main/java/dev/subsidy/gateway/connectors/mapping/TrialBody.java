package dev.subsidy.gateway.connectors.mapping;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import dev.subsidy.connector.api.SourceRecord;
import dev.subsidy.intake.UnreadableBodyException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The body of a mapping trial: one partner record (a JSON object) or a JSON array of them. Each record
 * goes on as the text the administrator wrote, so its numbers reach the mapping exactly, as a
 * connector's would; an array element that is not an object is an unreadable record with its reason.
 * A body that is not JSON, or is neither an object nor an array, is unreadable as a whole (400).
 */
final class TrialBody {

    /** A trial is for reading a few records closely; a connector takes the many. */
    static final int MAX_RECORDS = 100;

    private static final JsonFactory JSON = new JsonFactory();

    private TrialBody() {}

    /** The records, positioned as a push connector positions the items of a JSON array ("item 1", …). */
    static List<SourceRecord> records(String text) {
        List<SourceRecord> records = new ArrayList<>();
        try (JsonParser parser = JSON.createParser(text)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw new UnreadableBodyException("body is empty: send one record (a JSON object) or a JSON array of records");
            }
            if (first == JsonToken.START_OBJECT) {
                records.add(item(text, parser, 0));
            } else if (first == JsonToken.START_ARRAY) {
                for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
                    if (token == null) {
                        throw new UnreadableBodyException("body ends before the closing ] of the array");
                    }
                    if (records.size() == MAX_RECORDS) {
                        throw new UnreadableBodyException("a trial takes at most " + MAX_RECORDS
                                + " records: try a few, and let a connector take the rest");
                    }
                    records.add(token == JsonToken.START_OBJECT ? item(text, parser, records.size())
                            : notAnObject(text, parser, records.size()));
                }
            } else {
                throw new UnreadableBodyException("body is neither a record (a JSON object) nor a JSON array of records (it starts with "
                        + first.asString() + ")");
            }
            if (parser.nextToken() != null) {
                throw new UnreadableBodyException("body has content after its end");
            }
        } catch (JsonProcessingException e) {
            var at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw new UnreadableBodyException("body is not valid JSON" + where + ": " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new UnreadableBodyException("body cannot be read: " + e.getMessage(), e);
        }
        return records;
    }

    static String position(int index) {
        return "item " + (index + 1);
    }

    private static SourceRecord item(String text, JsonParser parser, int index) throws IOException {
        int start = (int) parser.currentTokenLocation().getCharOffset();
        parser.skipChildren();
        int end = (int) parser.currentLocation().getCharOffset();
        return SourceRecord.json(position(index), text.substring(start, end));
    }

    private static SourceRecord notAnObject(String text, JsonParser parser, int index) throws IOException {
        int start = (int) parser.currentTokenLocation().getCharOffset();
        parser.skipChildren();
        int end = (int) parser.currentLocation().getCharOffset();
        return SourceRecord.unreadable(position(index), "record is not a JSON object", text.substring(start, end));
    }
}
