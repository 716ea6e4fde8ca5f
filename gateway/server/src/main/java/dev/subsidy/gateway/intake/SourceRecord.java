package dev.subsidy.gateway.intake;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One record as it stood in the body, before validation.
 *
 * @param index position in the body, from 0 (array element, non-blank line, or data row)
 * @param fields the record's fields, or null when the record could not be read at all
 * @param raw the record's own text, kept with a rejection
 * @param problem why it could not be read, when fields is null
 */
public record SourceRecord(int index, ObjectNode fields, String raw, String problem) {

    public static SourceRecord of(int index, ObjectNode fields, String raw) {
        return new SourceRecord(index, fields, raw, null);
    }

    public static SourceRecord unreadable(int index, String raw, String problem) {
        return new SourceRecord(index, null, raw, problem);
    }
}
