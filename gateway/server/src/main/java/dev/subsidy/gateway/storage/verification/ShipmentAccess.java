package dev.subsidy.gateway.storage.verification;

import dev.subsidy.gateway.storage.Dialect;
import dev.subsidy.gateway.storage.records.CollectionDay;
import dev.subsidy.model.Period;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * How a close's queries reach the {@code shipment} table on SQLite, whose period it reads in natural-key order
 * (docs/operations.md "Database"). Left to itself, SQLite finds a period's shipments through the collection and
 * delivery time indexes, fetches each row where it lies and sorts them all in a temporary B-tree before the first
 * row comes back: right when the period is a small part of the table. When it is most of it (a table holding one
 * month, a gateway in its first period), the close of ten million records waited a minute for that sort before its
 * first shipment, and its second connection as long for the order references the named orders' statement sorts.
 * SQLite keeps no statistics the gateway could rely on, so the close looks at the range of collection times the
 * table holds, two index lookups, and then reads the table where its rows lie: in slices of row ids on two
 * connections ({@link ShipmentSlices}), and from end to end where the order does not matter. PostgreSQL plans from
 * its own statistics.
 */
final class ShipmentAccess {

    /**
     * The part of the table's collection times a period must cover for the whole table to be read: past half, the
     * rows the table's read passes over are fewer than those the search fetches one by one and sorts.
     */
    static final double MOST = 0.5;

    private final boolean wholeTable;

    private ShipmentAccess(boolean wholeTable) {
        this.wholeTable = wholeTable;
    }

    /** The access for a close of {@code period}: on SQLite, asks for the table's first and last day of collection. */
    static ShipmentAccess of(JdbcTemplate jdbc, Dialect dialect, Period period) {
        if (dialect != Dialect.SQLITE) {
            return new ShipmentAccess(false);
        }
        return new ShipmentAccess(mostOfTable(jdbc, period));
    }

    /**
     * Whether the steps of time from {@code from} (inclusive) to {@code to} (exclusive) cover at least {@link #MOST} of
     * those from {@code earliest} to {@code latest} (both inclusive, null for an empty table): records taken as
     * spread evenly over that time, which a month of eleven-eleven is not; it then reads as it always did. The close
     * counts in collection days, which the index holds.
     */
    static boolean coversMost(Long earliest, Long latest, long from, long to) {
        if (earliest == null || latest == null) {
            return false;
        }
        double held = (double) latest - earliest + 1;
        double covered = Math.max(0, (double) Math.min(to, latest + 1) - Math.max(from, earliest));
        return covered / held >= MOST;
    }

    /**
     * Whether the period covers most of the table's collection times, on either database: then reading the table where
     * its rows lie passes over fewer rows than searching it by time fetches.
     */
    static boolean mostOfTable(JdbcTemplate jdbc, Period period) {
        // one aggregate per statement: SQLite answers a lone MIN or MAX from the end of the index, which holds days
        Long earliest = jdbc.queryForObject("SELECT MIN(" + CollectionDay.of("") + ") FROM shipment", Long.class);
        Long latest = jdbc.queryForObject("SELECT MAX(" + CollectionDay.of("") + ") FROM shipment", Long.class);
        return coversMost(earliest, latest, CollectionDay.of(period.start().toEpochMilli()),
                CollectionDay.of(period.end().toEpochMilli()));
    }

    /** Whether SQLite reads the whole table rather than searching it by time. */
    boolean wholeTable() {
        return wholeTable;
    }

    /** The table aliased {@code alias} for a query in no order: read from end to end, or as the database plans it. */
    String inAnyOrder(String alias) {
        return "shipment " + alias + (wholeTable ? " NOT INDEXED" : "");
    }
}
