package dev.subsidy.gateway.storage.verification;

import dev.subsidy.gateway.storage.Dialect;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * How a close's read of the paid orders reaches the {@code sales_order} table on SQLite (docs/operations.md
 * "Database"). Through the payment-time index SQLite fetches each order where it lies, in the order of payment
 * times, one seek into the table per order: a profile of a 2,003,000-record close had the reader thread take 6 s for
 * its 600,000 orders, 10 µs each, while the shipments, read where they lie, took under 5. When the period and its
 * link window cover most of the payment times the table holds, the table is read from end to end instead, as
 * {@link ShipmentAccess} decides for shipments. PostgreSQL plans from its own statistics.
 */
final class OrderAccess {

    private final boolean wholeTable;

    private OrderAccess(boolean wholeTable) {
        this.wholeTable = wholeTable;
    }

    /** The access for orders paid from {@code from} (inclusive) to {@code to} (exclusive), epoch milliseconds. */
    static OrderAccess of(JdbcTemplate jdbc, Dialect dialect, long from, long to) {
        if (dialect != Dialect.SQLITE) {
            return new OrderAccess(false);
        }
        // one aggregate per statement: SQLite answers a lone MIN or MAX from the end of the index
        Long earliest = jdbc.queryForObject("SELECT MIN(paid_at) FROM sales_order", Long.class);
        Long latest = jdbc.queryForObject("SELECT MAX(paid_at) FROM sales_order", Long.class);
        return new OrderAccess(ShipmentAccess.coversMost(earliest, latest, from, to));
    }

    /** Whether SQLite reads the whole table rather than searching it by payment time. */
    boolean wholeTable() {
        return wholeTable;
    }

    /** The table, for a query in no particular order: read from end to end, or as the database plans it. */
    String table() {
        return wholeTable ? "sales_order NOT INDEXED" : "sales_order";
    }
}
