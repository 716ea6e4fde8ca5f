package dev.subsidy.gateway.intake;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One record as it stood in the body, before validation.
 *
 * @param index position in the body, from 0 (array element, non-blank line, or data row)
 * @param fields the record's fields, or null when the record could not be read at all
 * @param raw the record's own text, kept with a rejection
 * @param problem why it could not be read, when fields is null
 * @param position where a connector found the record in its source ("page 3, item 17", "row 12"),
 *     put before every reason it is rejected for; null for records posted as standard records
 */
public record SourceRecord(int index, ObjectNode fields, String raw, String problem, String position) {

    public static SourceRecord of(int index, ObjectNode fields, String raw) {
        return new SourceRecord(index, fields, raw, null, null);
    }

    public static SourceRecord unreadable(int index, String raw, String problem) {
        return new SourceRecord(index, null, raw, problem, null);
    }

    /** This record, found at {@code position} of a connector's source. */
    public SourceRecord at(String position) {
        return new SourceRecord(index, fields, raw, problem, position);
    }

    /** A reason for rejecting this record, prefixed with its source position when it has one. */
    String located(String reason) {
        return position == null ? reason : position + ": " + reason;
    }
}
