package dev.subsidy.gateway.storage.intake;

import dev.subsidy.gateway.storage.RowWriter;
import dev.subsidy.gateway.storage.WriteLock;
import dev.subsidy.intake.IntakeStore;
import dev.subsidy.intake.RawPayloadSettings;
import dev.subsidy.intake.RecordText;
import dev.subsidy.intake.Rejection;
import dev.subsidy.model.RecordKind;
import dev.subsidy.model.SalesOrder;
import dev.subsidy.model.Shipment;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** The intake's records, rejections and batches in the gateway's database (tables of docs/records.md). */
@Component
public class JdbcIntakeStore implements IntakeStore {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final WriteLock writeLock;
    private final KindWriter<Shipment> shipments;
    private final KindWriter<SalesOrder> orders;

    /** With the default retention of raw payloads: for tools and tests that store records directly. */
    public JdbcIntakeStore(JdbcTemplate jdbc, RowWriter rowWriter, TransactionTemplate transactions,
                           WriteLock writeLock) {
        this(jdbc, rowWriter, transactions, writeLock, RawPayloadSettings.defaults());
    }

    @Autowired
    public JdbcIntakeStore(JdbcTemplate jdbc, RowWriter rowWriter, TransactionTemplate transactions,
                           WriteLock writeLock, RawPayloadSettings rawPayloads) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.writeLock = writeLock;
        RawPayloadWriter raws = new RawPayloadWriter(jdbc, rawPayloads.rawRetention());
        this.shipments = new KindWriter<>(jdbc, writeLock.dialect(), rowWriter, raws, RecordKind.SHIPMENT, new ShipmentTable());
        this.orders = new KindWriter<>(jdbc, writeLock.dialect(), rowWriter, raws, RecordKind.ORDER, new OrderTable());
    }

    @Override
    public <T> T inWriteTransaction(Supplier<T> work) {
        return writeLock.queued(() -> transactions.execute(tx -> {
            writeLock.acquire();
            return work.get();
        }));
    }

    @Override
    public Counts storeArrivedShipments(List<Arrival<Shipment>> records, String connectorId, String batchId,
                                        Instant receivedAt) {
        return shipments.write(records, connectorId, batchId, receivedAt);
    }

    @Override
    public Counts storeArrivedOrders(List<Arrival<SalesOrder>> records, String connectorId, String batchId,
                                     Instant receivedAt) {
        return orders.write(records, connectorId, batchId, receivedAt);
    }

    @Override
    public void storeRejections(String connectorId, String batchId, Instant receivedAt, List<Rejection> rejections) {
        jdbc.batchUpdate("INSERT INTO rejected_record (batch_id, record_index, connector_id, reason, raw, received_at) "
                + "VALUES (?, ?, ?, ?, ?, ?)", rejections, 1000, (ps, r) -> {
                    ps.setString(1, batchId);
                    ps.setInt(2, r.index());
                    ps.setString(3, connectorId);
                    // a NUL in a broken line or cell is kept visible: PostgreSQL text cannot hold one
                    ps.setString(4, RecordText.printable(r.reason()));
                    ps.setString(5, r.raw() == null ? "" : RecordText.printable(r.raw()));
                    ps.setLong(6, receivedAt.toEpochMilli());
                });
    }

    @Override
    public void storeBatch(Batch batch) {
        jdbc.update("INSERT INTO intake_batch (id, connector_id, received_at, format, records, accepted, "
                + "duplicates, rejected) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", batch.id(), batch.connectorId(),
                batch.receivedAt().toEpochMilli(), batch.origin(), batch.records(), batch.accepted(),
                batch.duplicates(), batch.rejected());
    }
}
