package dev.subsidy.gateway.storage.records;

import dev.subsidy.model.RecordKind;

/**
 * How a query over a record table reads each record's status (V19): from {@code record_status}, where a close
 * writes it, a record without a row there being RECEIVED (stored, not verified by a close yet).
 */
public final class RecordStatusJoin {

    private RecordStatusJoin() {}

    /**
     * {@code LEFT JOIN record_status st} onto the record table aliased {@code alias}, for its kind; its
     * columns are then {@link #STATUS} and {@code st.reasons}.
     */
    public static String join(RecordKind kind, String alias) {
        return " LEFT JOIN record_status st ON st.kind = '" + kind.wireName() + "' AND st.natural_key = " + alias
                + ".natural_key";
    }

    /** The record's status, given {@link #join}. */
    public static final String STATUS = "COALESCE(st.status, 'RECEIVED')";
}
