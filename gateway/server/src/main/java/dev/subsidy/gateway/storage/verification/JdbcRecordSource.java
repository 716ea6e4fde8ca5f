package dev.subsidy.gateway.storage.verification;

import static dev.subsidy.gateway.storage.Sql.millis;

import dev.subsidy.gateway.storage.Background;
import dev.subsidy.gateway.storage.CopiedRows;
import dev.subsidy.gateway.storage.Dialect;
import dev.subsidy.gateway.storage.JoinedRows;
import dev.subsidy.gateway.storage.Sql;
import dev.subsidy.gateway.storage.records.CollectionDay;
import dev.subsidy.gateway.storage.records.RecordColumns;
import dev.subsidy.gateway.storage.records.RecordColumns.SharedValues;
import dev.subsidy.gateway.storage.records.RecordStatusJoin;
import dev.subsidy.gateway.storage.records.RowReader;
import dev.subsidy.intake.CanonicalForm;
import dev.subsidy.model.Carrier;
import dev.subsidy.model.Period;
import dev.subsidy.model.RecordKind;
import dev.subsidy.model.SalesOrder;
import dev.subsidy.model.Shipment;
import dev.subsidy.verification.ByOrderKey;
import dev.subsidy.verification.RecordSource;
import dev.subsidy.verification.SecondCore;
import dev.subsidy.verification.SourceVersion;
import dev.subsidy.verification.StoredOrder;
import dev.subsidy.verification.StoredShipment;
import dev.subsidy.verification.TraceCheck;
import dev.subsidy.verification.fraud.DailyOrders;
import jakarta.annotation.PreDestroy;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Reads a period close's records from the {@code shipment} and {@code sales_order} tables: the
 * current version of each, with its connectors and duplicates.
 */
@Component
class JdbcRecordSource implements RecordSource {

    private static final String SHIPMENT_COLUMNS = RecordColumns.SHIPMENT + ", connectors, duplicates, versions";
    private static final String ORDER_COLUMNS = RecordColumns.ORDER + ", connectors, duplicates, versions";
    /** What a census of the period's parcels reads of each ({@link #eachCensusSlice}). */
    private static final String CENSUS_COLUMNS = "carrier, waybill_no, dest_country, scans";

    /** Rows fetched per round trip when a close reads its period. */
    private static final int FETCH_ROWS = 10_000;

    private final JdbcTemplate jdbc;
    /**
     * As {@link #jdbc}, fetching {@link #FETCH_ROWS} rows at a time where a close reads its period through JDBC (SQLite;
     * PostgreSQL's is read through COPY, {@link #eachRow}): a driver that holds every row of a result before the first
     * is mapped would hold the period twice over, once as its bytes.
     */
    private final JdbcTemplate fetching;
    private final Dialect dialect;
    /** Reads a close's paid orders beside its shipments: closes take turns, so one thread. */
    private final ExecutorService reader;
    /** The rows this source's reads may still take: {@link RowBudget#UNLIMITED} but in a view {@link #atMost}. */
    private final RowBudget budget;
    /** Row ids per slice where SQLite's shipments are read in slices ({@link ShipmentSlices#ROWS}; fewer in tests). */
    private final long sliceRows;

    /** Rows of the shipment table an 8 KiB heap block of PostgreSQL's holds, about: what a slice of blocks is cut by. */
    private static final long ROWS_PER_BLOCK = 32;

    @Autowired
    JdbcRecordSource(JdbcTemplate jdbc, Dialect dialect) {
        this(jdbc, dialect, ShipmentSlices.ROWS);
    }

    JdbcRecordSource(JdbcTemplate jdbc, Dialect dialect, long sliceRows) {
        this(jdbc, fetchingFrom(jdbc), dialect, Background.thread("close-reader"), RowBudget.UNLIMITED, sliceRows);
    }

    private JdbcRecordSource(JdbcTemplate jdbc, JdbcTemplate fetching, Dialect dialect, ExecutorService reader,
                             RowBudget budget, long sliceRows) {
        this.jdbc = jdbc;
        this.fetching = fetching;
        this.dialect = dialect;
        this.reader = reader;
        this.budget = budget;
        this.sliceRows = sliceRows;
    }

    private static JdbcTemplate fetchingFrom(JdbcTemplate jdbc) {
        JdbcTemplate fetching = new JdbcTemplate(jdbc.getDataSource());
        fetching.setFetchSize(FETCH_ROWS);
        return fetching;
    }

    /**
     * This source, its period reads counting their rows against {@code records}: the rows are counted as they
     * stream, so a close learns that its period is too large for the heap without the scan a count would be
     * (5–8 s of a 10-million-record close on PostgreSQL, docs/operations.md "Database").
     */
    @Override
    public RecordSource atMost(long records) {
        return new JdbcRecordSource(jdbc, fetching, dialect, reader, new RowBudget(records), sliceRows);
    }

    /**
     * Counted in the collection day index, up to one past {@code records}: a lower bound of the period's shipments (it
     * holds those delivered in it too), read without a row of the table. Closing the bench's 10,300,000 parcels at
     * {@code -Xmx1g}, reading the first two million records before finding that they did not fit took 4.3 s of a 51-second
     * close (docs/operations.md "Closing a large period").
     */
    @Override
    public boolean collectedMoreThan(Period period, long records) {
        Long counted = jdbc.queryForObject("SELECT COUNT(*) FROM (SELECT 1 FROM shipment WHERE "
                + CollectionDay.wholeDays("", period.start().toEpochMilli(), period.end().toEpochMilli()) + " LIMIT ?) c",
                Long.class, records + 1);
        return counted != null && counted > records;
    }

    @Override
    public List<StoredShipment> shipments(Period period) {
        return shipments(period, ShipmentAccess.of(jdbc, dialect, period));
    }

    private List<StoredShipment> shipments(Period period, ShipmentAccess access) {
        if (access.wholeTable()) {
            ShipmentSlices slices = ShipmentSlices.of(jdbc, sliceRows);
            slices.take(sliceReader(fetching, period, slices));
            return slices.merged();
        }
        List<StoredShipment> shipments = new ArrayList<>();
        RowMapping<StoredShipment> rows = shipmentRows();
        eachRow(fetching, SHIPMENT_COLUMNS, "FROM shipment s WHERE " + placedIn(period) + " ORDER BY natural_key",
                counted(row -> shipments.add(rows.map(row))));
        return shipments;
    }

    /**
     * Each slice's shipments of the period, on the connection {@code template} gives this thread, sorted by key here:
     * the table read where the rows lie ({@code NOT INDEXED} leaves SQLite the row id, not the time indexes); the rows
     * counted against the budget as one stream per thread. Sorted by SQLite, each row was copied into its sorter and
     * decoded again, and reading a 10-million-record period took 21–25 s rather than 20–21 s (docs/operations.md
     * "Database").
     */
    private ShipmentSlices.Reader sliceReader(JdbcTemplate template, Period period, ShipmentSlices slices) {
        ShipmentSlices.Reader rows = rowsOf(template, period, slices, true);
        return n -> {
            List<StoredShipment> slice = rows.read(n);
            slice.sort(ShipmentSlices.KEY_ORDER);
            return slice;
        };
    }

    /**
     * Each slice's shipments of the period as they lie in the table, on the connection {@code template} gives.
     *
     * @param counting whether the rows count against the budget: not for a close that reads its period in slices
     */
    private ShipmentSlices.Reader rowsOf(JdbcTemplate template, Period period, ShipmentSlices slices, boolean counting) {
        return rowsOf(template, period, slices, counting, SHIPMENT_COLUMNS, shipmentRows());
    }

    private ShipmentSlices.Reader rowsOf(JdbcTemplate template, Period period, ShipmentSlices slices, boolean counting,
                                         String columns, RowMapping<StoredShipment> rows) {
        var slice = new Object() {
            List<StoredShipment> shipments;
        };
        RowReader.Handler add = row -> slice.shipments.add(rows.map(row));
        RowReader.Handler each = counting ? counted(add) : add;
        return n -> {
            slice.shipments = new ArrayList<>();
            eachRow(template, columns, "FROM " + slices.table("s") + " WHERE " + slices.rowsOf(n, "s") + " AND "
                    + placedIn(period), each);
            return slice.shipments;
        };
    }

    private static String placedIn(Period period) {
        return RecordStatusJoin.placedIn(RecordKind.SHIPMENT, "s", period.start().toEpochMilli(),
                period.end().toEpochMilli());
    }

    @Override
    public Map<String, StoredOrder> orders(Period period, Collection<StoredShipment> shipments) {
        return withNamed(paidOrders(period), shipments);
    }

    /**
     * The paid orders are read on another connection while this thread reads the shipments: each is a
     * query and a row mapping on one core. Both see the same records: a close reads them holding the write
     * lock, before it writes anything (measured at 1,003,000 records on SQLite: see docs/operations.md).
     */
    @Override
    public Read read(Period period) {
        ShipmentAccess access = ShipmentAccess.of(jdbc, dialect, period);
        if (!access.wholeTable()) {
            CompletableFuture<Map<String, StoredOrder>> orders = CompletableFuture.supplyAsync(
                    () -> withNamed(paidOrders(period), period, access), reader);
            // should the shipments' read fail, the close rolls back and the orders read meanwhile are dropped
            List<StoredShipment> shipments = shipments(period, access);
            return new Read(shipments, SecondCore.joined(orders));
        }
        // the reader thread takes the slices left once it has read the orders: the shipments are most of a period
        ShipmentSlices slices = ShipmentSlices.of(jdbc, sliceRows);
        CompletableFuture<Map<String, StoredOrder>> orders = CompletableFuture.supplyAsync(() -> {
            Map<String, StoredOrder> read = withNamed(paidOrders(period), period, access);
            slices.take(sliceReader(jdbc, period, slices));
            return read;
        }, reader);
        // a failed slice stops the reader taking more; the close rolls back and what was read meanwhile is dropped
        slices.take(sliceReader(fetching, period, slices));
        Map<String, StoredOrder> read = SecondCore.joined(orders);
        return new Read(slices.merged(), read);
    }

    /**
     * The slices are read on the reader thread, on a connection of their own, while the close's thread screens the one
     * before: at most two read ahead. On SQLite a period that is most of the table is read in ranges of row ids; any
     * other is read as the database finds it and cut. Neither is sorted: a sliced close needs no order (on PostgreSQL,
     * reading in key order walked the key index; on SQLite each range was sorted on the reader thread, 2–3 s of it at
     * ten million). Both see the same records as the close: it holds the write lock, and it
     * writes no record of the period, only their statuses. The slices do not count against the budget of a source
     * {@link #atMost}: a close reading slices holds one at a time.
     */
    @Override
    public void eachShipmentSlice(Period period, java.util.function.Consumer<List<StoredShipment>> each) {
        eachSlice(period, SHIPMENT_COLUMNS, shipmentRows(), each);
    }

    private void eachSlice(Period period, String columns, RowMapping<StoredShipment> rows,
                           java.util.function.Consumer<List<StoredShipment>> each) {
        SliceQueue queue = new SliceQueue();
        ShipmentAccess access = ShipmentAccess.of(jdbc, dialect, period);
        CompletableFuture<Void> reading = CompletableFuture.runAsync(() -> queue.produce(() -> {
            if (access.wholeTable()) {
                ShipmentSlices slices = ShipmentSlices.of(jdbc, SLICE);
                ShipmentSlices.Reader read = rowsOf(jdbc, period, slices, false, columns, rows);
                for (int n = 0; n < slices.count(); n++) {
                    queue.put(read.read(n));
                }
                return;
            }
            List<List<StoredShipment>> slice = new ArrayList<>(List.of(new ArrayList<>(SLICE)));
            eachRow(fetching, columns, "FROM shipment s WHERE " + placedIn(period), row -> {
                slice.get(0).add(rows.map(row));
                if (slice.get(0).size() == SLICE) {
                    queue.put(slice.get(0));
                    slice.set(0, new ArrayList<>(SLICE));
                }
            });
            if (!slice.get(0).isEmpty()) {
                queue.put(slice.get(0));
            }
        }), reader);
        try {
            queue.consume(each);
        } finally {
            queue.cancel();
            SecondCore.joined(reading.exceptionally(e -> null));
        }
    }

    /**
     * Four columns of each row, not the record: mapping every column of ten million rows into records the census then
     * let go was most of its time. A period that is most of the table is read in ranges on two connections at once,
     * each range handed as it lies to the consumer of the thread that read it: ranges of row ids on SQLite, of heap
     * blocks on PostgreSQL. Counting the 10,300,000 parcels of the bench's month on the reader thread alone, the close's
     * thread waiting for it, took 21 s of a 51-second close on SQLite (docs/operations.md "Closing a large period").
     * Any other period is read on the reader thread, as the database finds it.
     */
    @Override
    public void eachCensusSlice(Period period, Supplier<java.util.function.Consumer<List<StoredShipment>>> perThread) {
        if (!ShipmentAccess.mostOfTable(jdbc, period)) {
            eachSlice(period, CENSUS_COLUMNS, censusRows(), perThread.get());
            return;
        }
        long rows = Math.min(sliceRows, SLICE);
        ShipmentSlices slices = dialect == Dialect.POSTGRESQL
                ? ShipmentSlices.ofBlocks(jdbc, Math.max(1, rows / ROWS_PER_BLOCK)) : ShipmentSlices.of(jdbc, rows);
        CompletableFuture<Void> other = CompletableFuture.runAsync(() -> slices.takeEach(
                rowsOf(jdbc, period, slices, false, CENSUS_COLUMNS, censusRows()), perThread.get()), reader);
        try {
            slices.takeEach(rowsOf(fetching, period, slices, false, CENSUS_COLUMNS, censusRows()), perThread.get());
        } catch (RuntimeException | Error e) {
            // the other thread takes no more slices; what it read meanwhile is dropped with the close
            SecondCore.joined(other.exceptionally(x -> null));
            throw e;
        }
        SecondCore.joined(other);
    }

    @Override
    public Map<String, StoredOrder> orders(Period period) {
        return withNamed(paidOrders(period), period, ShipmentAccess.of(jdbc, dialect, period));
    }

    @PreDestroy
    void stop() {
        reader.shutdownNow();
    }

    /** The orders paid in the period or the link window before it, in the order the query gives them. */
    private Map<String, StoredOrder> paidOrders(Period period) {
        // no key string held per order (ByOrderKey): each is found by its platform and id
        ByOrderKey<StoredOrder> byKey = new ByOrderKey<>(StoredOrder::record);
        RowMapping<StoredOrder> rows = orderRows();
        long from = period.start().minus(LINK_WINDOW).toEpochMilli();
        long to = period.end().toEpochMilli();
        OrderAccess access = OrderAccess.of(jdbc, dialect, from, to);
        eachRow(jdbc, ORDER_COLUMNS, "FROM " + access.table() + " WHERE paid_at >= " + from + " AND paid_at < " + to,
                counted(row -> byKey.add(rows.map(row))));
        return byKey;
    }

    /**
     * {@code byKey} with the orders the period's shipments name that it does not hold yet, found by the database in
     * one statement and in key order, while the shipments are read. They are the orders {@link #withNamed(Map,
     * Collection)} would look up by key, but a feed whose parcels name orders it never sends made that a key per
     * parcel sent back to the database.
     */
    private Map<String, StoredOrder> withNamed(Map<String, StoredOrder> byKey, Period period, ShipmentAccess access) {
        long windowFrom = period.start().minus(LINK_WINDOW).toEpochMilli();
        long to = period.end().toEpochMilli();
        if (!anyPaidOutside(windowFrom, to)) {
            return byKey;
        }
        RowMapping<StoredOrder> rows = orderRows();
        eachRow(jdbc, ORDER_COLUMNS, "FROM sales_order WHERE natural_key IN (SELECT s.order_ref FROM " + access.inAnyOrder("s") + " WHERE "
                + placedIn(period) + ") AND (paid_at IS NULL OR paid_at < " + windowFrom + " OR paid_at >= " + to
                + ") ORDER BY natural_key", counted(row -> {
                    StoredOrder o = rows.map(row);
                    byKey.putIfAbsent(o.record().naturalKey(), o);
                }));
        return byKey;
    }

    /**
     * Whether any order is paid before {@code from}, from {@code to} on, or not at all: three lookups in the payment
     * time index. When none is, no order the shipments name can be one the paid orders' read missed, and the
     * statement that collects every shipment's reference is not run (at 10,000,000 records, most of them parcels
     * naming orders never sent, 10–15 s of the reader thread on SQLite).
     */
    private boolean anyPaidOutside(long from, long to) {
        Integer any = jdbc.queryForObject("SELECT CASE WHEN EXISTS (SELECT 1 FROM sales_order WHERE paid_at < ?) "
                + "OR EXISTS (SELECT 1 FROM sales_order WHERE paid_at >= ?) "
                + "OR EXISTS (SELECT 1 FROM sales_order WHERE paid_at IS NULL) THEN 1 ELSE 0 END", Integer.class, from, to);
        return any != null && any == 1;
    }

    /** {@code byKey} with the orders the shipments name that it does not hold yet, those in key order. */
    private Map<String, StoredOrder> withNamed(Map<String, StoredOrder> byKey, Collection<StoredShipment> shipments) {
        RowMapping<StoredOrder> rows = orderRows();
        List<String> named = shipments.stream().map(s -> s.record().orderRef())
                .filter(ref -> ref != null && !byKey.containsKey(ref)).distinct().toList();
        Map<String, StoredOrder> found = new TreeMap<>();
        Sql.overKeys(dialect, "SELECT " + ORDER_COLUMNS + " FROM sales_order WHERE natural_key", List.of(), named,
                (sql, args) -> jdbc.query(sql, args, rs -> {
                    StoredOrder o = rows.map(RowReader.of(rs));
                    found.put(o.record().naturalKey(), o);
                }));
        byKey.putAll(found);
        return byKey;
    }

    @Override
    public Map<String, List<SourceVersion<Shipment>>> shipmentHistory(Period period) {
        return history("SELECT v.natural_key, v.connector_id, v.received_at, v.body, "
                + "CASE WHEN v.version = s.version THEN 1 ELSE 0 END AS current_version "
                + "FROM record_version v JOIN shipment s ON s.natural_key = v.natural_key "
                + "WHERE v.kind = 'SHIPMENT' AND s.versions > 1 AND " + placedIn(period)
                + " ORDER BY v.natural_key, v.version", Shipment.class);
    }

    @Override
    public Map<String, List<SourceVersion<SalesOrder>>> orderHistory(Period period) {
        long from = period.start().minus(LINK_WINDOW).toEpochMilli();
        long to = period.end().toEpochMilli();
        return history("SELECT v.natural_key, v.connector_id, v.received_at, v.body, "
                + "CASE WHEN v.version = o.version THEN 1 ELSE 0 END AS current_version "
                + "FROM record_version v JOIN sales_order o ON o.natural_key = v.natural_key "
                + "WHERE v.kind = 'ORDER' AND o.versions > 1 AND o.paid_at >= ? AND o.paid_at < ? "
                + "ORDER BY v.natural_key, v.version", SalesOrder.class, from, to);
    }

    @Override
    public Map<String, Map<LocalDate, Integer>> dailyOrders(LocalDate from, LocalDate to) {
        long fromMs = from.atStartOfDay(Period.CHINA).toInstant().toEpochMilli();
        long toMs = to.atStartOfDay(Period.CHINA).toInstant().toEpochMilli();
        Map<String, Map<LocalDate, Integer>> byShop = new HashMap<>();
        // China-time day number: integer division on both SQLite and PostgreSQL (BIGINT / BIGINT)
        jdbc.query("SELECT platform, shop_id, (paid_at + 28800000) / 86400000 AS day, COUNT(*) AS orders "
                + "FROM sales_order WHERE paid_at >= ? AND paid_at < ? GROUP BY platform, shop_id, "
                + "(paid_at + 28800000) / 86400000", rs -> {
                    byShop.computeIfAbsent(rs.getString("platform") + ":" + rs.getString("shop_id"), k -> new HashMap<>())
                            .put(LocalDate.ofEpochDay(rs.getLong("day")), rs.getInt("orders"));
                }, fromMs, toMs);
        return byShop;
    }

    /**
     * On the thread that read the paid orders, idle by then: a GROUP BY over every order of the baseline and the
     * period (at 10,000,000 records on PostgreSQL about 3 s of the server's work and a second of the gateway's on
     * the rows it gives back, while the close waited). Its rows are as the close's reads see them: the close holds
     * the write lock and has written nothing yet.
     */
    @Override
    public Supplier<Map<String, Map<LocalDate, Integer>>> dailyOrdersAhead(LocalDate from, LocalDate to) {
        CompletableFuture<Map<String, Map<LocalDate, Integer>>> counts = CompletableFuture.supplyAsync(
                () -> dailyOrders(from, to), reader);
        return () -> SecondCore.joined(counts);
    }

    /**
     * Counted from the orders {@link #read} gave when they cover the window: that read holds every order paid from
     * {@link #LINK_WINDOW} before the period to its end, and the baseline's days (60 by default) lie inside it. The
     * GROUP BY it replaces kept a core busy for the fraud rules' whole run (8 CPU-seconds of SQLite's at 10,000,000
     * records, docs/operations.md "Database"). A window reaching further back is still asked of the database.
     */
    @Override
    public Supplier<Map<String, Map<LocalDate, Integer>>> dailyOrdersAhead(Period period, LocalDate from, LocalDate to,
                                                                          Collection<SalesOrder> read) {
        boolean covered = !from.atStartOfDay(Period.CHINA).toInstant().isBefore(period.start().minus(LINK_WINDOW))
                && !to.atStartOfDay(Period.CHINA).toInstant().isAfter(period.end());
        if (!covered) {
            return dailyOrdersAhead(from, to);
        }
        CompletableFuture<Map<String, Map<LocalDate, Integer>>> counts = CompletableFuture.supplyAsync(
                () -> DailyOrders.counted(read, from, to), reader);
        return () -> SecondCore.joined(counts);
    }

    /**
     * The period's records are read without their content hashes (64 characters each, about an eighth of what a
     * close holds per record); a reviewer's decision needs the hash of the few records it was made on.
     */
    @Override
    public Map<String, String> contentHashes(RecordKind kind, Collection<String> naturalKeys) {
        String table = kind == RecordKind.SHIPMENT ? "shipment" : "sales_order";
        Map<String, String> hashes = new HashMap<>();
        Sql.overKeys(dialect, "SELECT natural_key, content_hash FROM " + table + " WHERE natural_key", List.of(),
                List.copyOf(naturalKeys), (sql, args) -> jdbc.query(sql, args, rs -> {
                    hashes.put(rs.getString(1), rs.getString(2));
                }));
        return hashes;
    }

    /**
     * The latest trace check of each of the period's shipments, in one query (two checks of one parcel in
     * the same millisecond cannot be told apart: one of them).
     */
    @Override
    public Map<String, TraceCheck> traceChecks(Period period) {
        Map<String, TraceCheck> byKey = new LinkedHashMap<>();
        // from the checks to their shipments, not from every shipment of the period to its checks: few parcels are
        // checked (SQLite, without statistics, probed trace_check once per shipment: 1.4 s of a million-record close)
        jdbc.query("SELECT t.natural_key, t.checked_at, t.outcome, t.detail, t.connector_id FROM trace_check t "
                + "WHERE t.checked_at = (SELECT MAX(u.checked_at) FROM trace_check u WHERE u.natural_key = t.natural_key) "
                + "AND EXISTS (SELECT 1 FROM shipment s WHERE s.natural_key = t.natural_key AND " + placedIn(period) + ") "
                + "ORDER BY t.natural_key, t.checked_at", rs -> {
                    byKey.put(rs.getString("natural_key"), new TraceCheck(rs.getString("natural_key"),
                            TraceCheck.Outcome.valueOf(rs.getString("outcome")), rs.getString("detail"),
                            millis(rs, "checked_at"), rs.getString("connector_id")));
                });
        return byKey;
    }

    /** Every version the query finds, read back from its canonical body, grouped by natural key. */
    private <T> Map<String, List<SourceVersion<T>>> history(String sql, Class<T> type, Object... args) {
        Map<String, List<SourceVersion<T>>> byKey = new LinkedHashMap<>();
        jdbc.query(sql, rs -> {
            T record = CanonicalForm.read(rs.getString("body"), type, null);
            byKey.computeIfAbsent(rs.getString("natural_key"), k -> new ArrayList<>()).add(new SourceVersion<>(
                    rs.getString("connector_id"), millis(rs, "received_at"), rs.getInt("current_version") == 1, record));
        }, args);
        return byKey;
    }

    /**
     * Each row of {@code SELECT columns rest} to {@code each}: on PostgreSQL through COPY, which streams the rows while
     * they are mapped (a cursor left this thread waiting for each batch); on SQLite through {@code template}, each row's
     * columns joined into one value ({@link JoinedRows}). The query's values are written into it, numbers only: COPY
     * takes no parameters.
     */
    private void eachRow(JdbcTemplate template, String columns, String rest, RowReader.Handler each) {
        String[] labels = columns.split(", ");
        if (dialect == Dialect.POSTGRESQL) {
            CopiedRows.read(template, "SELECT " + columns + " " + rest, labels, each);
        } else {
            JoinedRows.read(template, "SELECT " + JoinedRows.select(labels) + " " + rest, labels, each);
        }
    }

    /** {@code mapping}, its rows counted against the budget as one stream's ({@link RowBudget}). */
    private RowReader.Handler counted(RowReader.Handler mapping) {
        return budget == RowBudget.UNLIMITED ? mapping : budget.counting(mapping);
    }

    /** A record from its row. */
    @FunctionalInterface
    private interface RowMapping<T> {
        T map(RowReader row) throws SQLException;
    }

    private static RowMapping<StoredShipment> shipmentRows() {
        SharedValues shared = new SharedValues();
        return row -> new StoredShipment(RecordColumns.shipment(row, shared), shared.list(row, "connectors"),
                row.getInt("duplicates"), null, row.getInt("versions"));
    }

    /**
     * A census row as a shipment of its carrier, number and destination country, and its scans when it is addressed
     * abroad (only those are asked whether they show proof of leaving): every other field empty.
     */
    private static RowMapping<StoredShipment> censusRows() {
        SharedValues shared = new SharedValues();
        return row -> {
            String country = shared.text(row, "dest_country");
            boolean abroad = country != null && !"CN".equals(country);
            Shipment s = new Shipment(Carrier.valueOf(shared.text(row, "carrier")), row.getString("waybill_no"), null,
                    null, null, null, country, null, null, null, null, null, null, null, null,
                    abroad ? CanonicalForm.readScans(row.getString("scans")) : List.of(), null, null);
            return new StoredShipment(s, List.of(), 0, null, 1);
        };
    }

    private static RowMapping<StoredOrder> orderRows() {
        SharedValues shared = new SharedValues();
        return row -> new StoredOrder(RecordColumns.order(row, shared), shared.list(row, "connectors"),
                row.getInt("duplicates"), null, row.getInt("versions"));
    }
}
