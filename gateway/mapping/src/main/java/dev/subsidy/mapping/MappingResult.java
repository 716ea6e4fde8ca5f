package dev.subsidy.mapping;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Objects;

/**
 * What {@link Mapping#apply} made of one source record: standard records, or a rejection.
 *
 * <p>The records are fresh JSON objects owned by the caller (mutating them affects nothing else);
 * the result itself is otherwise immutable.
 */
public sealed interface MappingResult permits MappingResult.Mapped, MappingResult.Rejected {

    /** Where the source record sits in its source (the record's own position). */
    String position();

    /**
     * The standard records one source record became, in the mapping's order. Usually one; several
     * when one source record carries several (an SF reply with several waybills); none when the
     * mapping decided the record carries nothing to store (an order not paid yet): the gateway counts
     * such a record as skipped, not as rejected.
     *
     * @param position the source record's position
     * @param records standard records as JSON objects; may be empty
     */
    record Mapped(String position, List<ObjectNode> records) implements MappingResult {
        public Mapped {
            Objects.requireNonNull(position, "position");
            records = List.copyOf(records);
        }

        /** Whether the mapping deliberately produced nothing for this record. */
        public boolean skipped() {
            return records.isEmpty();
        }
    }

    /**
     * The record cannot be mapped.
     *
     * @param position the source record's position
     * @param mapping the mapping's name
     * @param reason the mapping's own message (the text of its {@code error(...)} call), the runtime
     *     failure, the problem with its output, or why the connector could not read the record
     */
    record Rejected(String position, String mapping, String reason) implements MappingResult {
        public Rejected {
            Objects.requireNonNull(position, "position");
            Objects.requireNonNull(mapping, "mapping");
            Objects.requireNonNull(reason, "reason");
        }

        /**
         * The reason followed by the mapping's name ({@code 运单号 is empty (mapping standard-csv)}), or the
         * reason alone when it names the mapping itself (a limit: {@code mapping 'x' ran over its time
         * budget of 200 ms}).
         */
        public String reasonWithMapping() {
            return reason.startsWith("mapping '" + mapping + "'") ? reason : reason + " (mapping " + mapping + ")";
        }

        /** {@code row 12: 运单号 is empty (mapping standard-csv)}, for reports and logs. */
        public String describe() {
            return position + ": " + reasonWithMapping();
        }
    }
}
