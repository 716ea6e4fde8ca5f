package dev.subsidy.mapping;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.subsidy.connector.api.SourceRecord;

/**
 * Turns a source record into the JSON a mapping reads. Decimal numbers are read as exact decimals,
 * trailing zeros kept ({@code 200.10} stays {@code 200.10}), never as doubles, so a mapping that passes
 * an amount to {@code yuan(...)} gets it exactly. Stateless and thread-safe.
 */
final class RecordInput {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false)
            // "{…} trailing" or duplicate keys: the record is not what the partner meant to send
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .build();

    private RecordInput() {}

    /** The record as JSON. */
    static JsonNode of(SourceRecord record) throws UnreadableRecordException {
        if (record instanceof SourceRecord.Json json) {
            try {
                return JSON.readTree(json.json());
            } catch (JsonProcessingException e) {
                throw new UnreadableRecordException("not JSON: " + e.getOriginalMessage());
            } catch (NumberFormatException e) {
                // a number Jackson cannot hold as a decimal (too many exponent digits)
                throw new UnreadableRecordException("holds a number that cannot be read: " + e.getMessage());
            }
        }
        if (record instanceof SourceRecord.Fields fields) {
            try {
                return JSON.valueToTree(fields.fields());
            } catch (IllegalArgumentException e) {
                throw new UnreadableRecordException("fields cannot be given to a mapping: " + e.getMessage());
            }
        }
        SourceRecord.Unreadable unreadable = (SourceRecord.Unreadable) record;
        throw new UnreadableRecordException(unreadable.reason());
    }

    /** The record cannot be presented to a mapping; the message says why. */
    static final class UnreadableRecordException extends Exception {
        private static final long serialVersionUID = 1L;

        UnreadableRecordException(String message) {
            super(message);
        }
    }
}
