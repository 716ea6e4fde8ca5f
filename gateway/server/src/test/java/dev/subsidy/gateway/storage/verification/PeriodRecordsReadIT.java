package dev.subsidy.gateway.storage.verification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.subsidy.gateway.storage.Dialect;
import dev.subsidy.gateway.storage.RowWriter;
import dev.subsidy.gateway.storage.WriteLock;
import dev.subsidy.gateway.storage.intake.JdbcIntakeStore;
import dev.subsidy.gateway.support.MigratedDatabases;
import dev.subsidy.gateway.support.MigratedDatabases.Database;
import dev.subsidy.intake.BodyRecord;
import dev.subsidy.intake.ParsedRecord;
import dev.subsidy.intake.StandardRecordParser;
import dev.subsidy.model.Period;
import dev.subsidy.model.SalesOrder;
import dev.subsidy.model.Shipment;
import dev.subsidy.verification.RecordSource;
import dev.subsidy.verification.TooManyRecordsException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What a close reads in one go: the period's shipments on its own connection, the paid orders on another
 * beside them, then the orders only a shipment names. The same records, in the same order, as reading
 * them one after the other, from inside the close's write transaction on both databases. And the spike rule's
 * baseline counted from the orders read is the database's own count.
 */
class PeriodRecordsReadIT {

    private static final MigratedDatabases DATABASES = new MigratedDatabases("period-records");
    /** The spike baseline's test has orders of its own. */
    private static final MigratedDatabases BASELINES = new MigratedDatabases("daily-orders");
    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final Instant ARRIVAL = Instant.parse("2026-12-10T00:00:00Z");
    private static final Period NOVEMBER = Period.parse("2026-11");

    @AfterAll
    static void closeSources() {
        DATABASES.close();
        BASELINES.close();
    }

    @ParameterizedTest
    @EnumSource(Database.class)
    void theShipmentsAndTheOrdersTheyAndThePeriodNeedAreReadSideBySide(Database db) throws Exception {
        JdbcTemplate jdbc = DATABASES.jdbc(db);
        Store on = Store.of(jdbc);
        WriteLock lock = on.lock();
        TransactionTemplate transactions = on.transactions();
        JdbcIntakeStore store = on.store();
        List<SalesOrder> orders = List.of(
                order("P-AUG", "2026-08-15T10:00:00+08:00"), // in the link window before the period
                order("P-OLD", "2026-03-01T10:00:00+08:00"), // long before: read only because a shipment names it
                order("P-NOV", "2026-11-20T10:00:00+08:00"),
                order("P-DEC", "2026-12-02T10:00:00+08:00"), // after the period: read only because a shipment names it
                order("P-GONE", "2026-02-01T10:00:00+08:00")); // long before and named by nobody: not read
        List<Shipment> shipments = List.of(shipment("73001", "TAOBAO:P-OLD"),
                shipment("73002", "TAOBAO:P-NOV"), shipment("73003", null), shipment("73004", "TAOBAO:P-DEC"),
                shipment("73005", "TAOBAO:P-NEVER-SENT"));
        store.inWriteTransaction(() -> {
            store.storeShipments(shipments, "standard", "b1", ARRIVAL);
            return store.storeOrders(orders, "standard", "b1", ARRIVAL);
        });
        JdbcRecordSource source = new JdbcRecordSource(jdbc, Dialect.of(jdbc.getDataSource()));
        try {
            RecordSource.Read read = transactions.execute(tx -> {
                lock.acquire();
                return source.read(NOVEMBER);
            });

            assertThat(read.shipments()).extracting(s -> s.record().naturalKey())
                    .containsExactly("ZTO:73001", "ZTO:73002", "ZTO:73003", "ZTO:73004", "ZTO:73005");
            assertThat(read.orders()).containsOnlyKeys("TAOBAO:P-AUG", "TAOBAO:P-NOV", "TAOBAO:P-OLD", "TAOBAO:P-DEC");
            assertThat(List.copyOf(read.orders().keySet())).as("the named orders after the paid ones, in key order")
                    .endsWith("TAOBAO:P-DEC", "TAOBAO:P-OLD");
            assertThat(read.shipments()).containsExactlyElementsOf(source.shipments(NOVEMBER));
            assertThat(read.orders()).containsExactlyEntriesOf(source.orders(NOVEMBER, source.shipments(NOVEMBER)));

            // nine records: a read allowed nine reads them all, one allowed eight stops and leaves its connections
            // serving the next read
            RecordSource.Read allowed = transactions.execute(tx -> {
                lock.acquire();
                return source.atMost(9).read(NOVEMBER);
            });
            assertThat(allowed.shipments()).isEqualTo(read.shipments());
            assertThat(allowed.orders()).isEqualTo(read.orders());
            assertThatThrownBy(() -> transactions.execute(tx -> {
                lock.acquire();
                return source.atMost(8).read(NOVEMBER);
            })).isInstanceOf(TooManyRecordsException.class).hasMessage("more than 8 records to read");
            assertThat(transactions.execute(tx -> {
                lock.acquire();
                return source.read(NOVEMBER);
            }).shipments()).isEqualTo(read.shipments());
        } finally {
            source.stop();
        }
    }

    @ParameterizedTest
    @EnumSource(Database.class)
    void theSpikeBaselineCountedFromTheOrdersReadIsTheDatabasesOwnCount(Database db) throws Exception {
        JdbcTemplate jdbc = BASELINES.jdbc(db);
        Store baseline = Store.of(jdbc);
        List<SalesOrder> orders = List.of(
                order("B-1", "2026-09-03T10:00:00+08:00", "tb-7"), // in the baseline
                order("B-2", "2026-09-03T23:59:59+08:00", "tb-7"), // the same China day, the next UTC one
                order("B-3", "2026-09-04T00:00:00+08:00", "tb-7"), // the next China day, still 3 September in UTC
                order("B-4", "2026-09-03T12:00:00+08:00", "tb-8"),
                order("B-5", "2026-09-01T23:59:59+08:00", "tb-8"), // the day before the baseline
                order("B-6", "2026-09-02T00:00:00+08:00", "tb-8"), // its first moment
                order("N-1", "2026-11-30T23:59:59+08:00", "tb-7"), // the period's last moment
                order("D-1", "2026-12-01T00:00:00+08:00", "tb-7"), // after the period, read as a parcel names it
                order("O-1", "2026-03-01T10:00:00+08:00", "tb-7"), // long before, read as a parcel names it
                order("O-2", "2026-08-01T10:00:00+08:00", "tb-9")); // in the link window, before the baseline
        List<Shipment> naming = List.of(shipment("74001", "TAOBAO:D-1"), shipment("74002", "TAOBAO:O-1"));
        baseline.store().inWriteTransaction(() -> {
            baseline.store().storeShipments(naming, "standard", "b1", ARRIVAL);
            return baseline.store().storeOrders(orders, "standard", "b1", ARRIVAL);
        });
        JdbcRecordSource source = new JdbcRecordSource(jdbc, Dialect.of(jdbc.getDataSource()));
        LocalDate from = LocalDate.of(2026, 9, 2); // sixty days before November
        LocalDate to = LocalDate.of(2026, 12, 1);
        try {
            List<SalesOrder> read = baseline.transactions().execute(tx -> {
                baseline.lock().acquire();
                return source.read(NOVEMBER).orders().values().stream().map(o -> o.record()).toList();
            });
            Map<String, Map<LocalDate, Integer>> grouped = source.dailyOrders(from, to);

            assertThat(read).extracting(SalesOrder::orderId).contains("D-1", "O-1", "O-2", "B-5");
            assertThat(grouped).isEqualTo(Map.of(
                    "TAOBAO:tb-7", Map.of(LocalDate.of(2026, 9, 3), 2, LocalDate.of(2026, 9, 4), 1,
                            LocalDate.of(2026, 11, 30), 1),
                    "TAOBAO:tb-8", Map.of(LocalDate.of(2026, 9, 3), 1, LocalDate.of(2026, 9, 2), 1)));
            assertThat(source.dailyOrdersAhead(NOVEMBER, from, to, read).get()).isEqualTo(grouped);

            // further back than the orders read reach: the database counts what the read does not hold
            LocalDate longBefore = LocalDate.of(2026, 2, 1);
            assertThat(source.dailyOrdersAhead(NOVEMBER, longBefore, to, read).get())
                    .isEqualTo(source.dailyOrders(longBefore, to))
                    .containsKey("TAOBAO:tb-9")
                    .extractingByKey("TAOBAO:tb-7").satisfies(days -> assertThat(days)
                            .containsEntry(LocalDate.of(2026, 3, 1), 1));
        } finally {
            source.stop();
        }
    }

    /** A migrated database's write lock, transactions and intake store, as the gateway makes them. */
    private record Store(WriteLock lock, TransactionTemplate transactions, JdbcIntakeStore store) {
        static Store of(JdbcTemplate jdbc) {
            Dialect dialect = Dialect.of(jdbc.getDataSource());
            WriteLock lock = new WriteLock(jdbc, dialect);
            TransactionTemplate transactions = new TransactionTemplate(new DataSourceTransactionManager(jdbc.getDataSource()));
            return new Store(lock, transactions, new JdbcIntakeStore(jdbc, RowWriter.of(dialect, jdbc), transactions, lock));
        }
    }

    private static Shipment shipment(String waybill, String orderRef) throws Exception {
        return parse("{\"kind\": \"shipment\", \"carrier\": \"ZTO\", \"waybillNo\": \"" + waybill + "\", "
                + "\"collectedAt\": \"2026-11-10T08:00:00+08:00\", \"originRegion\": \"522633\", "
                + "\"destRegion\": \"440106\"" + (orderRef == null ? "" : ", \"orderRef\": \"" + orderRef + "\"")
                + ", \"updatedAt\": \"2026-11-10T09:00:00+08:00\"}").shipment();
    }

    private static SalesOrder order(String id, String paidAt) throws Exception {
        return order(id, paidAt, "tb-1");
    }

    private static SalesOrder order(String id, String paidAt, String shop) throws Exception {
        return parse("{\"kind\": \"order\", \"platform\": \"TAOBAO\", \"orderId\": \"" + id + "\", \"shopId\": \"" + shop
                + "\", \"channel\": \"B2C\", \"status\": \"PAID\", \"paidAt\": \"" + paidAt + "\", \"amount\": \"59.90\", "
                + "\"updatedAt\": \"" + paidAt + "\"}").order();
    }

    private static ParsedRecord parse(String text) throws Exception {
        Object result = new StandardRecordParser(Map.of())
                .parse(BodyRecord.of(0, (ObjectNode) JSON.readTree(text), text), ARRIVAL);
        assertThat(result).as("%s", result).isInstanceOf(ParsedRecord.class);
        return (ParsedRecord) result;
    }
}
