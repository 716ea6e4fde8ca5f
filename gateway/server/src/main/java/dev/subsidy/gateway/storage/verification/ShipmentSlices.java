package dev.subsidy.gateway.storage.verification;

import dev.subsidy.model.Carrier;
import dev.subsidy.model.Shipment;
import dev.subsidy.verification.StoredShipment;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The shipment table on SQLite cut into ranges of row ids, for a close whose period is most of the table
 * ({@link ShipmentAccess#wholeTable}): SQLite reads each range where it lies, the thread that read it sorts it by key,
 * and the close's thread and its reader thread, once that has read the paid orders, take the ranges in turn. The ranges are then
 * merged into one list in natural-key order. Read through the key index on one connection, the shipments of a
 * 10-million-record close kept one core busy for most of the read while the other finished its orders early
 * (docs/operations.md "Database").
 */
final class ShipmentSlices {

    /**
     * Row ids a slice covers: a 10-million-record table is a few dozen slices, each sorted by one thread in a few
     * dozen milliseconds, so the two threads finish within a slice of each other.
     */
    static final long ROWS = 1L << 17;

    /**
     * Natural keys ({@code CARRIER:waybill}) as SQLite's BINARY collation orders them, UTF-8 bytes, which is the order
     * of code points; without making the keys. Two carriers' names never make one key a prefix of the other (no
     * name holds a colon), so they are ranked by name and colon; waybill numbers are compared by code point.
     */
    static final Comparator<StoredShipment> KEY_ORDER = (a, b) -> compare(a.record(), b.record());

    private static final int[] RANK = ranks();

    private final long first;
    private final long rows;
    private final int count;
    private final AtomicInteger next = new AtomicInteger();
    private final List<List<StoredShipment>> read;

    /** Whether the slices are PostgreSQL's ranges of heap blocks ({@link #ofBlocks}) rather than SQLite's row ids. */
    private final boolean blocks;

    private ShipmentSlices(long first, long last, long rows) {
        this(first, last, rows, false);
    }

    private ShipmentSlices(long first, long last, long rows, boolean blocks) {
        this.first = first;
        this.rows = rows;
        this.blocks = blocks;
        this.count = last < first ? 0 : Math.toIntExact((last - first) / rows + 1);
        this.read = new ArrayList<>(java.util.Collections.nCopies(count, List.of()));
    }

    /** The slices of the table as it is, {@code rows} row ids each: its lowest and highest row id, one lookup each. */
    static ShipmentSlices of(JdbcTemplate jdbc, long rows) {
        if (rows < 1) {
            throw new IllegalArgumentException("a slice covers at least one row id, not " + rows);
        }
        // one aggregate per statement: SQLite answers a lone MIN or MAX of the row id from the end of the table
        Long lowest = jdbc.queryForObject("SELECT MIN(rowid) FROM shipment", Long.class);
        Long highest = jdbc.queryForObject("SELECT MAX(rowid) FROM shipment", Long.class);
        return lowest == null || highest == null ? new ShipmentSlices(1, 0, rows) : new ShipmentSlices(lowest, highest, rows);
    }

    /**
     * PostgreSQL's {@code shipment} table cut into ranges of {@code perSlice} heap blocks, as it is on disk now: each
     * range read where it lies by a TID range scan (PostgreSQL 14 and later), as SQLite reads a range of row ids. For
     * a read in no order only: a range's rows come as they lie, not sorted.
     */
    static ShipmentSlices ofBlocks(JdbcTemplate jdbc, long perSlice) {
        if (perSlice < 1) {
            throw new IllegalArgumentException("a slice covers at least one block, not " + perSlice);
        }
        Long blocks = jdbc.queryForObject("SELECT pg_relation_size('shipment') / current_setting('block_size')::bigint",
                Long.class);
        return new ShipmentSlices(0, blocks == null ? -1 : blocks - 1, perSlice, true);
    }

    /** The table aliased {@code alias} read where its rows lie, to be narrowed by {@link #rowsOf}. */
    String table(String alias) {
        // SQLite: not through the time indexes, which would fetch each row by its id and sort them
        return "shipment " + alias + (blocks ? "" : " NOT INDEXED");
    }

    int count() {
        return count;
    }

    /** The condition on the table aliased {@code alias} that keeps slice {@code slice}'s rows. */
    String rowsOf(int slice, String alias) {
        long from = first + slice * rows;
        if (blocks) {
            // the last range is open-ended: a block the table gained since it was measured is still read
            return alias + ".ctid >= '(" + from + ",0)'::tid" + (slice == count - 1 ? ""
                    : " AND " + alias + ".ctid < '(" + (from + rows) + ",0)'::tid");
        }
        return alias + ".rowid >= " + from + " AND " + alias + ".rowid < " + (from + rows);
    }

    /** One slice's shipments, in key order. */
    @FunctionalInterface
    interface Reader {
        List<StoredShipment> read(int slice);
    }

    /**
     * Reads slices with {@code reader} until none is left to take. A failure stops the other thread taking more
     * and is thrown here.
     */
    void take(Reader reader) {
        taking(reader, (slice, shipments) -> {
            synchronized (read) {
                read.set(slice, shipments);
            }
        });
    }

    /** As {@link #take}, each slice handed to {@code each} as it is read rather than kept for {@link #merged}. */
    void takeEach(Reader reader, java.util.function.Consumer<List<StoredShipment>> each) {
        taking(reader, (slice, shipments) -> each.accept(shipments));
    }

    private void taking(Reader reader, java.util.function.BiConsumer<Integer, List<StoredShipment>> each) {
        for (int slice = next.getAndIncrement(); slice < count; slice = next.getAndIncrement()) {
            try {
                each.accept(slice, reader.read(slice));
            } catch (RuntimeException | Error e) {
                next.set(count);
                throw e;
            }
        }
    }

    /**
     * Every slice's shipments in natural-key order, once every slice is read. Each slice is sorted already: the list
     * sort finds them as runs and merges them, and slices that follow one another in key order (a feed whose
     * waybill numbers rise as they arrive) cost one comparison at each seam.
     */
    List<StoredShipment> merged() {
        List<StoredShipment> all;
        synchronized (read) {
            all = new ArrayList<>(read.stream().mapToInt(List::size).sum());
            read.forEach(all::addAll);
        }
        all.sort(KEY_ORDER);
        return all;
    }

    private static int compare(Shipment a, Shipment b) {
        if (a.carrier() != b.carrier()) {
            return Integer.compare(RANK[a.carrier().ordinal()], RANK[b.carrier().ordinal()]);
        }
        String x = a.waybillNo();
        String y = b.waybillNo();
        int n = Math.min(x.length(), y.length());
        for (int i = 0; i < n; i++) {
            char p = x.charAt(i);
            char q = y.charAt(i);
            if (p != q) {
                return codePointRank(p) - codePointRank(q);
            }
        }
        return x.length() - y.length();
    }

    /**
     * A UTF-16 unit placed as its code point orders: surrogates, which make the code points past U+FFFF, after every
     * other unit.
     */
    private static int codePointRank(char c) {
        if (c < Character.MIN_SURROGATE) {
            return c;
        }
        return c > Character.MAX_SURROGATE ? c - 0x800 : c + 0x2000;
    }

    private static int[] ranks() {
        Carrier[] byKey = Carrier.values().clone();
        Arrays.sort(byKey, Comparator.comparing(c -> c.name() + ":"));
        int[] rank = new int[byKey.length];
        for (int i = 0; i < byKey.length; i++) {
            rank[byKey[i].ordinal()] = i;
        }
        return rank;
    }
}
