package dev.subsidy.gateway.storage.intake;

import static java.sql.Types.BIGINT;
import static java.sql.Types.INTEGER;
import static java.sql.Types.VARCHAR;

import dev.subsidy.intake.IntakeStore.Arrival;
import dev.subsidy.model.SalesOrder;
import dev.subsidy.model.Shipment;
import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * The row a record is written as when its natural key arrives for the first time, in one version: every column
 * of its table, that version inline with its raw payload (docs/records.md "Provenance"). It is most of what the
 * intake writes, one row per record; the ingest bench's bulk load writes the same rows through the database's
 * fastest path, the limit the intake is measured against.
 */
public final class FirstArrivalRows<T> {

    /** The columns every record table has, in the order {@link #row} gives them, before the kind's own. */
    static final String[] COMMON_COLUMNS = {"natural_key", "version", "versions", "updated_at", "content_hash",
        "connector_id", "connectors", "duplicates", "received_at", "batch_id", "body", "raw_hash", "raw",
        "raw_expires_at"};
    static final int[] COMMON_TYPES = {VARCHAR, INTEGER, INTEGER, BIGINT, VARCHAR, VARCHAR, VARCHAR, INTEGER, BIGINT,
        VARCHAR, VARCHAR, VARCHAR, VARCHAR, BIGINT};

    private final RecordTable<T> table;
    private final String[] columns;
    private final int[] types;

    FirstArrivalRows(RecordTable<T> table) {
        this.table = table;
        this.columns = Arrays.copyOf(COMMON_COLUMNS, COMMON_COLUMNS.length + table.columns().length);
        System.arraycopy(table.columns(), 0, columns, COMMON_COLUMNS.length, table.columns().length);
        this.types = IntStream.concat(IntStream.of(COMMON_TYPES), IntStream.of(table.types())).toArray();
    }

    public static FirstArrivalRows<Shipment> shipments() {
        return new FirstArrivalRows<>(new ShipmentTable());
    }

    public static FirstArrivalRows<SalesOrder> orders() {
        return new FirstArrivalRows<>(new OrderTable());
    }

    public String table() {
        return table.table();
    }

    /** Every column of the table, in the order of {@link #row}. */
    public String[] columns() {
        return columns.clone();
    }

    /** The {@link java.sql.Types} of {@link #columns}, what a null is bound as. */
    public int[] types() {
        return types.clone();
    }

    /**
     * One record's row, received at {@code receivedAt} in {@code batchId} from {@code connectorId}; its raw
     * payload, when it has one, kept until {@code rawExpiresAt}.
     */
    public Object[] row(Arrival<T> a, String connectorId, String batchId, long receivedAt, long rawExpiresAt) {
        Object[] common = {table.naturalKey(a.record()), 1, 1, table.updatedAt(a.record()).toEpochMilli(), a.hash(),
            connectorId, connectorId, 0, receivedAt, batchId, table.inlineBody(a.record(), a::canonical),
            a.rawHash(), a.raw(), a.raw() != null ? rawExpiresAt : null};
        Object[] row = Arrays.copyOf(common, columns.length);
        Object[] own = table.values(a.record());
        System.arraycopy(own, 0, row, common.length, own.length);
        return row;
    }
}
