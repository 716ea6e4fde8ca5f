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
 * @param payload the raw payload (docs/records.md "Provenance"): the text the record arrived as,
 *     before any mapping, whose SHA-256 is kept with the version it becomes; null when not known
 */
public record BodyRecord(int index, ObjectNode fields, String raw, String problem, String position, String payload) {

    /** A record whose own text is both what a rejection keeps and its raw payload (a line, a partner's record). */
    public static BodyRecord of(int index, ObjectNode fields, String raw) {
        return new BodyRecord(index, fields, raw, null, null, raw);
    }

    /** A record whose raw payload differs from the text a rejection keeps (a CSV row with its header). */
    public static BodyRecord of(int index, ObjectNode fields, String raw, String payload) {
        return new BodyRecord(index, fields, raw, null, null, payload);
    }

    public static BodyRecord unreadable(int index, String raw, String problem) {
        return new BodyRecord(index, null, raw, problem, null, null);
    }

    /** This record, found at {@code position} of a connector's source. */
    public BodyRecord at(String position) {
        return new BodyRecord(index, fields, raw, problem, position, payload);
    }

    /** A reason for rejecting this record, prefixed with its source position when it has one. */
    String located(String reason) {
        return position == null ? reason : position + ": " + reason;
    }
}
