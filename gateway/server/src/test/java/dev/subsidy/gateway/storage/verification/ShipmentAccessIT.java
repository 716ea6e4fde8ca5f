package dev.subsidy.gateway.storage.verification;

import static org.assertj.core.api.Assertions.assertThat;

import dev.subsidy.gateway.storage.Dialect;
import dev.subsidy.gateway.support.MigratedDatabases;
import dev.subsidy.gateway.support.MigratedDatabases.Database;
import dev.subsidy.model.Period;
import dev.subsidy.verification.RecordSource;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * On SQLite a close reads a period that is most of the shipment table by walking its key index, and one that is a
 * small part of it by time, as SQLite plans it (docs/operations.md "Database"): either way the same shipments in
 * the same order, and the same orders its parcels name.
 */
class ShipmentAccessIT {

    private static final Period OCTOBER = Period.parse("2026-10");

    private MigratedDatabases databases;

    @AfterEach
    void closeSource() {
        if (databases != null) {
            databases.close();
        }
    }

    @Test
    void aPeriodThatIsMostOfTheTableIsReadByItsKeysAndGivesWhatTheTimeSearchGives() {
        JdbcTemplate jdbc = database("one-month");
        List<String> expected = fill(jdbc, List.of("2026-10"), 3_000);

        assertThat(access(jdbc, OCTOBER).wholeTable()).isTrue();
        assertThat(plan(jdbc, access(jdbc, OCTOBER)))
                .as("the key index gives the order: no sort").contains(ShipmentAccess.KEY_INDEX)
                .doesNotContain("TEMP B-TREE");
        assertThat(shipmentsRead(jdbc))
                .isEqualTo(expected);
        assertThat(ordersRead(jdbc))
                .as("orders named by the period's parcels, paid long before, found by the table read end to end")
                .containsExactly("TMALL:named-1", "TMALL:named-2");
    }

    @Test
    void aPeriodThatIsASmallPartOfTheTableIsSearchedByTime() {
        JdbcTemplate jdbc = database("a-year");
        List<String> months = new ArrayList<>();
        for (int m = 1; m <= 12; m++) {
            months.add(String.format("2026-%02d", m));
        }
        List<String> october = fill(jdbc, months, 400).stream().filter(k -> k.contains("-2026-10-")).toList();

        assertThat(access(jdbc, OCTOBER).wholeTable()).isFalse();
        assertThat(plan(jdbc, access(jdbc, OCTOBER))).contains("shipment_collected_at");
        assertThat(shipmentsRead(jdbc))
                .hasSize(400).isEqualTo(october);
        assertThat(ordersRead(jdbc))
                .containsExactly("TMALL:named-1", "TMALL:named-2");
    }

    private JdbcTemplate database(String name) {
        databases = new MigratedDatabases("shipment-access-" + name);
        return databases.jdbc(Database.SQLITE);
    }

    private static ShipmentAccess access(JdbcTemplate jdbc, Period period) {
        return ShipmentAccess.of(jdbc, Dialect.SQLITE, period);
    }

    private static List<String> shipmentsRead(JdbcTemplate jdbc) {
        return read(jdbc, r -> r.shipments().stream().map(s -> s.record().naturalKey()).toList());
    }

    private static List<String> ordersRead(JdbcTemplate jdbc) {
        return read(jdbc, r -> List.copyOf(r.orders().keySet()));
    }

    private static List<String> read(JdbcTemplate jdbc, Function<RecordSource.Read, List<String>> what) {
        JdbcRecordSource source = new JdbcRecordSource(jdbc, Dialect.SQLITE);
        try {
            return new TransactionTemplate(new DataSourceTransactionManager(jdbc.getDataSource()))
                    .execute(tx -> what.apply(source.read(OCTOBER)));
        } finally {
            source.stop();
        }
    }

    private static String plan(JdbcTemplate jdbc, ShipmentAccess access) {
        long from = OCTOBER.start().toEpochMilli();
        long to = OCTOBER.end().toEpochMilli();
        return String.join("\n", jdbc.query("EXPLAIN QUERY PLAN SELECT waybill_no FROM " + access.inKeyOrder("s")
                + " WHERE (s.collected_at >= ? AND s.collected_at < ?) OR (s.delivered_at >= ? AND s.delivered_at < ?) "
                + "ORDER BY natural_key", (rs, n) -> rs.getString("detail"), from, to, from, to));
    }

    /**
     * {@code each} shipments collected in each month, inserted in no order of key or time; the first two of October
     * name orders paid in 2025, outside any link window. Returns October's keys in the order a close must read them.
     */
    private static List<String> fill(JdbcTemplate jdbc, List<String> months, int each) {
        Random random = new Random(11);
        List<Object[]> rows = new ArrayList<>();
        List<String> october = new ArrayList<>();
        for (String month : months) {
            for (int i = 0; i < each; i++) {
                // keys whose order is not their order of arrival or of collection
                String waybill = String.format("%06d-%s-%04d", random.nextInt(1_000_000), month, i);
                String key = (i % 3 == 0 ? "SF:" : "ZTO:") + waybill;
                long collected = Instant.parse(month + "-01T00:00:00Z").toEpochMilli() + 3_600_000L * (i % 600);
                String orderRef = month.equals("2026-10") && i < 2 ? "TMALL:named-" + (i + 1) : null;
                rows.add(new Object[] {key, key.substring(0, key.indexOf(':')), waybill, collected, collected, orderRef,
                        collected});
                if (month.equals("2026-10")) {
                    october.add(key);
                }
            }
        }
        jdbc.batchUpdate("INSERT INTO shipment (natural_key, carrier, waybill_no, version, versions, updated_at, "
                + "content_hash, collected_at, order_ref, connector_id, connectors, duplicates, received_at) "
                + "VALUES (?, ?, ?, 1, 1, ?, 'hash', ?, ?, 'feed', 'feed', 0, ?)", rows);
        long paid = Instant.parse("2025-03-01T02:00:00Z").toEpochMilli();
        for (String id : List.of("named-1", "named-2", "unnamed")) {
            jdbc.update("INSERT INTO sales_order (natural_key, platform, order_id, shop_id, channel, order_status, paid_at, "
                    + "amount_fen, refunded_fen, currency, waybills, cross_border, version, versions, updated_at, "
                    + "content_hash, connector_id, connectors, duplicates, received_at) VALUES (?, 'TMALL', ?, 'shop-1', "
                    + "'B2C', 'PAID', ?, 1000, 0, 'CNY', '', 0, 1, 1, ?, 'hash', 'feed', 'feed', 0, ?)",
                    "TMALL:" + id, id, paid, paid, paid);
        }
        return october.stream().sorted().toList();
    }
}
