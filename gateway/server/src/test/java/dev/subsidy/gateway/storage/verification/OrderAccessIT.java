package dev.subsidy.gateway.storage.verification;

import static org.assertj.core.api.Assertions.assertThat;

import dev.subsidy.gateway.storage.Dialect;
import dev.subsidy.gateway.support.MigratedDatabases;
import dev.subsidy.gateway.support.MigratedDatabases.Database;
import dev.subsidy.model.Period;
import dev.subsidy.verification.RecordSource;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * On SQLite a close reads paid orders that are most of the order table from end to end, and a window that is a
 * small part of it through the payment-time index (docs/operations.md "Database"): the same orders either way.
 */
class OrderAccessIT {

    private static final Period OCTOBER = Period.parse("2026-10");
    private static final long FROM = OCTOBER.start().minus(RecordSource.LINK_WINDOW).toEpochMilli();
    private static final long TO = OCTOBER.end().toEpochMilli();

    @Test
    void ordersThatAreMostOfTheTableAreReadFromEndToEnd() {
        try (MigratedDatabases databases = new MigratedDatabases("order-access-one-month")) {
            JdbcTemplate jdbc = databases.jdbc(Database.SQLITE);
            Set<String> expected = fill(jdbc, List.of("2026-10"), 500);

            assertThat(OrderAccess.of(jdbc, Dialect.SQLITE, FROM, TO).wholeTable()).isTrue();
            assertThat(plan(jdbc, OrderAccess.of(jdbc, Dialect.SQLITE, FROM, TO))).contains("SCAN")
                    .doesNotContain("sales_order_paid_at");
            assertThat(ordersRead(jdbc)).hasSize(500).isEqualTo(expected);
        }
    }

    @Test
    void aWindowThatIsASmallPartOfTheTableIsSearchedByPaymentTime() {
        List<String> months = new ArrayList<>();
        for (int year = 2025; year <= 2026; year++) {
            for (int m = 1; m <= 12; m++) {
                months.add(String.format("%d-%02d", year, m));
            }
        }
        try (MigratedDatabases databases = new MigratedDatabases("order-access-two-years")) {
            JdbcTemplate jdbc = databases.jdbc(Database.SQLITE);
            Set<String> expected = fill(jdbc, months, 60);

            assertThat(OrderAccess.of(jdbc, Dialect.SQLITE, FROM, TO).wholeTable()).isFalse();
            assertThat(plan(jdbc, OrderAccess.of(jdbc, Dialect.SQLITE, FROM, TO))).contains("sales_order_paid_at");
            assertThat(ordersRead(jdbc)).as("July to October 2026: four months of 60").hasSize(240).isEqualTo(expected);
        }
    }

    @Test
    void postgresqlPlansItsOwnRead() {
        assertThat(OrderAccess.of(null, Dialect.POSTGRESQL, FROM, TO).table()).isEqualTo("sales_order");
    }

    private static Set<String> ordersRead(JdbcTemplate jdbc) {
        JdbcRecordSource source = new JdbcRecordSource(jdbc, Dialect.SQLITE);
        try {
            return new TransactionTemplate(new DataSourceTransactionManager(jdbc.getDataSource()))
                    .execute(tx -> new TreeSet<>(source.read(OCTOBER).orders().keySet()));
        } finally {
            source.stop();
        }
    }

    private static String plan(JdbcTemplate jdbc, OrderAccess access) {
        return String.join("\n", jdbc.query("EXPLAIN QUERY PLAN SELECT order_id FROM " + access.table()
                + " WHERE paid_at >= ? AND paid_at < ?", (rs, n) -> rs.getString("detail"), FROM, TO));
    }

    /**
     * {@code each} orders paid in each month, inserted in no order of time. Returns the keys of those paid in
     * October or the link window before it.
     */
    private static Set<String> fill(JdbcTemplate jdbc, List<String> months, int each) {
        List<Object[]> rows = new ArrayList<>();
        Set<String> expected = new TreeSet<>();
        for (String month : months) {
            for (int i = 0; i < each; i++) {
                String id = month + "-" + i;
                long paid = Instant.parse(month + "-01T00:00:00Z").toEpochMilli() + 3_600_000L * (i % 600);
                rows.add(new Object[] {"TMALL:" + id, id, paid, paid, paid});
                if (paid >= FROM && paid < TO) {
                    expected.add("TMALL:" + id);
                }
            }
        }
        Collections.shuffle(rows, new Random(5));
        jdbc.batchUpdate("INSERT INTO sales_order (natural_key, platform, order_id, shop_id, channel, order_status, "
                + "paid_at, amount_fen, refunded_fen, currency, waybills, cross_border, version, versions, updated_at, "
                + "content_hash, connector_id, connectors, duplicates, received_at) VALUES (?, 'TMALL', ?, 'shop-1', "
                + "'B2C', 'PAID', ?, 1000, 0, 'CNY', '', 0, 1, 1, ?, 'hash', 'feed', 'feed', 0, ?)", rows);
        return expected;
    }
}
