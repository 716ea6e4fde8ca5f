package dev.subsidy.intake;

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
public record BodyRecord(int index, ObjectNode fields, String raw, String problem, String position) {

    public static BodyRecord of(int index, ObjectNode fields, String raw) {
        return new BodyRecord(index, fields, raw, null, null);
    }

    public static BodyRecord unreadable(int index, String raw, String problem) {
        return new BodyRecord(index, null, raw, problem, null);
    }

    /** This record, found at {@code position} of a connector's source. */
    public BodyRecord at(String position) {
        return new BodyRecord(index, fields, raw, problem, position);
    }

    /** A reason for rejecting this record, prefixed with its source position when it has one. */
    String located(String reason) {
        return position == null ? reason : position + ": " + reason;
    }
}
