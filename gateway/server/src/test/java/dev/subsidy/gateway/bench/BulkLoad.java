package dev.subsidy.gateway.bench;

import dev.subsidy.gateway.storage.Dialect;
import dev.subsidy.gateway.storage.RowWriter;
import dev.subsidy.gateway.storage.intake.FirstArrivalRows;
import dev.subsidy.gateway.storage.records.RawSegments;
import dev.subsidy.intake.IntakeStore.Arrival;
import dev.subsidy.intake.ParsedRecord;
import dev.subsidy.model.SalesOrder;
import dev.subsidy.model.Shipment;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The database's fastest path for the same rows, nothing else: the row the intake writes for a record arriving
 * new ({@link FirstArrivalRows}: every column, the raw payloads packed in a segment per kind), through
 * {@link RowWriter} (COPY on PostgreSQL, batched prepared INSERTs on SQLite), one transaction per body. Records are
 * parsed, hashed and their payloads packed before the clock starts, as the intake's reading thread does; the rows
 * and the load are timed, as its writing thread does them.
 */
final class BulkLoad {

    /** What the gateway keeps a raw payload for by default (gateway.intake.raw-retention). */
    private static final long RAW_RETENTION_MILLIS = java.time.Duration.ofDays(90).toMillis();

    private final FirstArrivalRows<Shipment> shipmentRows = FirstArrivalRows.shipments();
    private final FirstArrivalRows<SalesOrder> orderRows = FirstArrivalRows.orders();
    private final RowWriter writer;
    private final TransactionTemplate tx;
    private final RawSegments segments;
    private long nanos;
    private int bodies;
    private long rows;

    BulkLoad(DataSource dataSource) {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        this.writer = RowWriter.of(Dialect.of(dataSource), jdbc);
        this.tx = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        this.segments = new RawSegments(jdbc);
    }

    /** Loads one body's records in one transaction, timing what the intake's writing thread does. */
    void load(List<ParsedRecord> records, long receivedAt) {
        String batch = "bench-" + (++bodies);
        long expires = receivedAt + RAW_RETENTION_MILLIS;
        List<Arrival<Shipment>> shipments = new ArrayList<>();
        List<Arrival<SalesOrder>> orders = new ArrayList<>();
        for (ParsedRecord r : records) {
            if (r.shipment() != null) {
                shipments.add(Arrival.of(r.shipment(), r.payload()));
            } else {
                orders.add(Arrival.of(r.order(), r.payload()));
            }
        }
        // what the intake's reading thread does: the payloads packed per kind, before the rows are written
        List<Arrival<Shipment>> packedShipments = Arrival.packed(shipments);
        List<Arrival<SalesOrder>> packedOrders = Arrival.packed(orders);
        long start = System.nanoTime();
        tx.executeWithoutResult(status -> {
            java.util.function.IntSupplier numbers = segments.numbering(batch);
            FirstArrivalRows.Chunk s = shipmentRows.rows(packedShipments, "bench", batch, receivedAt, numbers);
            FirstArrivalRows.Chunk o = orderRows.rows(packedOrders, "bench", batch, receivedAt, numbers);
            writer.insert(shipmentRows.table(), shipmentRows.columns(), shipmentRows.types(), s.rows());
            writer.insert(orderRows.table(), orderRows.columns(), orderRows.types(), o.rows());
            for (FirstArrivalRows.Chunk chunk : List.of(s, o)) {
                chunk.segments().forEach(g -> segments.write(batch, g.number(), g.body(), expires));
            }
        });
        nanos += System.nanoTime() - start;
        rows += records.size();
    }

    double seconds() {
        return nanos / 1e9;
    }

    long rows() {
        return rows;
    }
}
