package dev.subsidy.runtime.mapping;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/**
 * What a mapping made of one source record: a standard record (docs/api.md) or a rejection, both
 * with the source record's position. One source record may yield several standard records (an order
 * and its parcels). Immutable.
 */
public sealed interface MappedRecord permits MappedRecord.Standard, MappedRecord.Rejected {

    /** Where the source record sits in its source ("page 3, item 17", "row 12"). */
    String position();

    /**
     * @param record a standard shipment or order record, validated later by the intake; not to be
     *     modified once handed over
     * @param raw the source record's text, kept with an intake rejection
     */
    record Standard(String position, ObjectNode record, String raw) implements MappedRecord {
        public Standard {
            Objects.requireNonNull(position, "position");
            Objects.requireNonNull(record, "record");
        }
    }

    /**
     * @param reason the mapping's own error (or the connector's, for an unreadable item)
     * @param raw the source record's text, or an excerpt
     */
    record Rejected(String position, String reason, String raw) implements MappedRecord {
        public Rejected {
            Objects.requireNonNull(position, "position");
            Objects.requireNonNull(reason, "reason");
        }
    }
}
