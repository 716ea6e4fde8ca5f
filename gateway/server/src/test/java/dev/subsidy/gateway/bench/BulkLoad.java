package dev.subsidy.gateway.bench;

import dev.subsidy.gateway.storage.Dialect;
import dev.subsidy.gateway.storage.RowWriter;
import dev.subsidy.gateway.storage.intake.FirstArrivalRows;
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
 * new ({@link FirstArrivalRows}: every column, the raw payload inline), through {@link RowWriter} (COPY on
 * PostgreSQL, batched prepared INSERTs on SQLite), one transaction per body. Rows are built before the clock
 * starts; only the load is timed.
 */
final class BulkLoad {

    /** What the gateway keeps a raw payload for by default (gateway.intake.raw-retention). */
    private static final long RAW_RETENTION_MILLIS = java.time.Duration.ofDays(90).toMillis();

    private final FirstArrivalRows<Shipment> shipmentRows = FirstArrivalRows.shipments();
    private final FirstArrivalRows<SalesOrder> orderRows = FirstArrivalRows.orders();
    private final RowWriter writer;
    private final TransactionTemplate tx;
    private long nanos;
    private int bodies;
    private long rows;

    BulkLoad(DataSource dataSource) {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        this.writer = RowWriter.of(Dialect.of(dataSource), jdbc);
        this.tx = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    }

    /** Loads one body's records in one transaction, timing only the load. */
    void load(List<ParsedRecord> records, long receivedAt) {
        String batch = "bench-" + (++bodies);
        long expires = receivedAt + RAW_RETENTION_MILLIS;
        List<Object[]> shipments = new ArrayList<>();
        List<Object[]> orders = new ArrayList<>();
        for (ParsedRecord r : records) {
            if (r.shipment() != null) {
                shipments.add(shipmentRows.row(Arrival.of(r.shipment(), r.payload()), "bench", batch, receivedAt,
                        expires));
            } else {
                orders.add(orderRows.row(Arrival.of(r.order(), r.payload()), "bench", batch, receivedAt, expires));
            }
        }
        long start = System.nanoTime();
        tx.executeWithoutResult(status -> {
            writer.insert(shipmentRows.table(), shipmentRows.columns(), shipmentRows.types(), shipments);
            writer.insert(orderRows.table(), orderRows.columns(), orderRows.types(), orders);
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
