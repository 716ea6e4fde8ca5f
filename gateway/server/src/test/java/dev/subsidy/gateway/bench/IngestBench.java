package dev.subsidy.gateway.bench;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.subsidy.gateway.storage.SqliteDataSources;
import dev.subsidy.gateway.support.EmbeddedPostgres;
import dev.subsidy.intake.ParsedRecord;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 11's table in one run: N generated standard records parsed alone, bulk-loaded alone (the limit is the
 * slower of the two), through the naive Camel route, and through the real gateway over HTTP (NDJSON, JSON array,
 * CSV) and a file connector's inbox; the month closed, its figures pushed, the gateway's peak heap; on SQLite and
 * PostgreSQL. README "Benchmark" has the command; the table is printed and written to {@code bench.out}.
 */
public final class IngestBench {

    private final BenchSettings settings;
    private final Path work;
    private final BenchTable table;
    private final StandardRecords records;
    /** the shops' own orders: every record an order, so that the close has a figure for each merchant metric */
    private final StandardRecords shopOrders;

    IngestBench(BenchSettings settings, Path work) {
        this.settings = settings;
        this.work = work;
        this.records = new StandardRecords(settings.shops(), settings.ordersInTen());
        this.shopOrders = new StandardRecords(settings.shops(), 10);
        this.table = new BenchTable(String.format(Locale.ROOT, "Ingest bench, %s UTC: %,d standard records (bodies "
                + "of %,d), %s, gateway -Xmx%s, %d client thread(s), %d cores", LocalDateTime.now(ZoneOffset.UTC)
                        .format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")), settings.records(),
                settings.bodySize(), String.join(" and ", settings.databases().stream().map(BenchSettings::label)
                        .toList()), settings.xmx(), settings.clients(), Runtime.getRuntime().availableProcessors()));
    }

    /** bench.keep: the run's folder stays, to look into the gateway's database after a close. */
    private static final boolean KEEP = Boolean.getBoolean("bench.keep");

    public static void main(String[] args) throws IOException {
        // the gateway's INFO lines per body are right for an operator, noise here
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).setLevel(Level.WARN);
        BenchSettings settings = BenchSettings.fromSystemProperties();
        Path work = Files.createTempDirectory("ingest-bench");
        String markdown;
        try {
            markdown = new IngestBench(settings, work).run().markdown();
        } finally {
            if (KEEP) {
                System.out.println("bench: the run's folder, the gateway's home and database in it, is kept: " + work);
            } else {
                delete(work);
            }
        }
        System.out.println();
        System.out.println(markdown);
        Files.createDirectories(settings.out().toAbsolutePath().getParent());
        Files.writeString(settings.out(), markdown, StandardCharsets.UTF_8);
        System.out.println("written to " + settings.out().toAbsolutePath());
        // the embedded PostgreSQL stops in its shutdown hook
        System.exit(0);
    }

    BenchTable run() throws IOException {
        System.out.printf("bench: generating %,d records into %s%n", settings.records(), work);
        List<BodyFiles.Body> ndjson = BodyFiles.write(records, BodyFiles.Kind.NDJSON, work.resolve("ndjson"), 0,
                settings.records(), settings.bodySize());
        System.out.printf("bench: %,d NDJSON bodies, %,d MiB%n", ndjson.size(), BodyFiles.bytes(ndjson) >> 20);
        parseOnly(ndjson);
        for (String db : settings.databases()) {
            bulkLoad(db, ndjson);
            inProcess(db, ndjson);
        }
        naiveRoute(ndjson);
        if (settings.gateway()) {
            long first = settings.records();
            long v = settings.variantRecords();
            List<BodyFiles.Body> array = BodyFiles.write(records, BodyFiles.Kind.JSON_ARRAY, work.resolve("json"),
                    first, v, settings.bodySize());
            List<BodyFiles.Body> csv = BodyFiles.write(records, BodyFiles.Kind.CSV, work.resolve("csv"), first + v, v,
                    settings.bodySize());
            List<BodyFiles.Body> branch = BodyFiles.write(records, BodyFiles.Kind.BRANCH_CSV, work.resolve("branch"),
                    first + 2 * v, v, settings.bodySize());
            List<BodyFiles.Body> orders = BodyFiles.write(shopOrders, BodyFiles.Kind.NDJSON, work.resolve("orders"),
                    first + 3 * v, settings.shopOrderRecords(), settings.bodySize());
            for (String db : settings.databases()) {
                endToEnd(db, ndjson, array, csv, branch, orders);
            }
            LargeBody large = new LargeBody(records, table);
            BodyFiles.Body body = large.write(work.resolve("large"), first + 3 * v + settings.shopOrderRecords());
            for (String db : settings.databases()) {
                largeBody(large, db, body);
            }
        }
        return table;
    }

    void parseOnly(List<BodyFiles.Body> bodies) {
        String what = BenchTable.PARSE;
        try {
            System.out.println("bench: " + what);
            ParseOnly parser = new ParseOnly();
            Instant arrival = Instant.now();
            for (BodyFiles.Body b : bodies.subList(0, Math.min(5, bodies.size()))) {
                parser.parse(Files.readAllBytes(b.file()), arrival); // warm-up
            }
            Progress progress = new Progress(what, bodies.size());
            long parsed = 0;
            long nanos = 0;
            for (BodyFiles.Body b : bodies) {
                byte[] body = Files.readAllBytes(b.file());
                long start = System.nanoTime();
                parsed += parser.parse(body, arrival).size();
                nanos += System.nanoTime() - start;
                progress.step();
            }
            table.measured("", what, parsed, nanos / 1e9,
                    "decode + RecordReader + StandardRecordParser over the NDJSON bodies, one thread, no database");
        } catch (Exception | AssertionError e) {
            fail("", what, e);
        }
    }

    void bulkLoad(String db, List<BodyFiles.Body> bodies) {
        String label = BenchSettings.label(db);
        try (HikariDataSource dataSource = dataSource(db, work.resolve("bulk-" + db))) {
            System.out.println("bench: " + label + ": " + BenchTable.BULK);
            Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
            BulkLoad load = new BulkLoad(dataSource);
            ParseOnly parser = new ParseOnly();
            Instant arrival = Instant.now();
            Progress progress = new Progress(label + " bulk load", bodies.size());
            for (BodyFiles.Body b : bodies) {
                List<ParsedRecord> parsed = parser.parse(Files.readAllBytes(b.file()), arrival);
                load.load(parsed, arrival.toEpochMilli());
                progress.step();
            }
            Long stored = new JdbcTemplate(dataSource).queryForObject(
                    "SELECT (SELECT COUNT(*) FROM shipment) + (SELECT COUNT(*) FROM sales_order)", Long.class);
            if (stored == null || stored != load.rows()) {
                throw new IllegalStateException("bulk load stored " + stored + " rows of " + load.rows());
            }
            table.measured(label, BenchTable.BULK, load.rows(), load.seconds(), db.equals("sqlite")
                    ? "the intake's rows, raw payloads in a deflated segment per kind; batched prepared INSERTs, one transaction per body, the "
                            + "gateway's pragmas (WAL, synchronous=FULL)"
                    : "the intake's rows, raw payloads in a deflated segment per kind; COPY (binary) per body, one transaction per body");
        } catch (Exception | AssertionError e) {
            fail(label, BenchTable.BULK, e);
        } finally {
            delete(work.resolve("bulk-" + db));
        }
    }

    /**
     * The gateway's intake without HTTP: {@link FeedIntake} and the gateway's store on a fresh database, the
     * NDJSON bodies one after another on one calling thread (the intake's own reading thread beside it) —
     * what the storing costs, apart from what the web server and the client cost.
     */
    void inProcess(String db, List<BodyFiles.Body> bodies) {
        String label = BenchSettings.label(db);
        String what = BenchTable.IN_PROCESS;
        try (HikariDataSource dataSource = dataSource(db, work.resolve("intake-" + db))) {
            System.out.println("bench: " + label + ": " + what);
            InProcessIntake run = new InProcessIntake(dataSource).post(bodies, new Progress(label + " in process",
                    bodies.size()));
            table.measured(label, what, run.accepted(), run.seconds(), "one body at a time, " + (db.equals("sqlite")
                    ? "the gateway's SQLite settings" : "COPY") + "; a body's reading and its storing overlap");
        } catch (Exception | AssertionError e) {
            fail(label, what, e);
        } finally {
            delete(work.resolve("intake-" + db));
        }
    }

    void naiveRoute(List<BodyFiles.Body> bodies) {
        String what = "the naive Camel route (split → JDBC idempotent repository → one INSERT per record, on H2)";
        try (NaiveCamelRoute route = new NaiveCamelRoute(Files.createDirectories(work.resolve("naive")))) {
            System.out.println("bench: " + what);
            long fed = 0;
            long start = System.nanoTime();
            Progress progress = new Progress("naive route", settings.naiveRecords());
            for (BodyFiles.Body b : bodies) {
                if (fed >= settings.naiveRecords()) {
                    break;
                }
                route.feed(Files.readAllBytes(b.file()));
                fed += b.records();
                progress.at(Math.min(fed, settings.naiveRecords()));
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            long stored = route.stored();
            if (stored != fed) {
                throw new IllegalStateException("the naive route stored " + stored + " of " + fed + " records");
            }
            table.measured("", what, fed, seconds, "camel-sql JdbcMessageIdRepository + sql: endpoint, auto-commit");
        } catch (Exception | AssertionError e) {
            fail("", what, e);
        } finally {
            delete(work.resolve("naive"));
        }
    }

    private void endToEnd(String db, List<BodyFiles.Body> ndjson, List<BodyFiles.Body> array,
                          List<BodyFiles.Body> csv, List<BodyFiles.Body> branch, List<BodyFiles.Body> orders) {
        String label = BenchSettings.label(db);
        Path home = work.resolve("gateway-" + db);
        System.out.println("bench: " + label + ": starting the gateway (-Xmx" + settings.xmx() + ")");
        try (AwardIntakeStub intake = new AwardIntakeStub();
             GatewayProcess gateway = new GatewayProcess(home, settings.xmx(),
                     db.equals("postgres") ? EmbeddedPostgres.newDatabaseUrl() : null, intake.url())) {
            GatewayEndToEnd steps = new GatewayEndToEnd(gateway, table, label, settings.clients());
            steps.register(records);
            long stored = steps.post("gateway over HTTP, NDJSON", ndjson, "application/x-ndjson");
            stored += steps.post("gateway over HTTP, JSON array", array, "application/json");
            stored += steps.post("gateway over HTTP, CSV", csv, "text/csv");
            stored += steps.inbox(branch);
            if (!orders.isEmpty()) {
                stored += steps.post(String.format(Locale.ROOT, "gateway over HTTP, NDJSON: the shops' orders (%,d "
                        + "shops × %d), for the figures", settings.shops(), settings.shopOrders()), orders,
                        "application/x-ndjson");
            }
            steps.closeAndPush(stored, intake);
            steps.peakHeap(settings.xmx());
        } catch (Exception | AssertionError e) {
            fail(label, "the gateway end to end", e);
        } finally {
            keepLog(home.resolve("gateway.log"), db);
            if (!KEEP) {
                delete(home);
            }
        }
    }

    private void largeBody(LargeBody large, String db, BodyFiles.Body body) {
        String label = BenchSettings.label(db);
        Path home = work.resolve("large-" + db);
        System.out.println("bench: " + label + ": one body of " + body.records() + " records, a gateway of -Xmx"
                + settings.largeXmx());
        try {
            large.post(label, home, settings.largeXmx(), db.equals("postgres") ? EmbeddedPostgres.newDatabaseUrl()
                    : null, body);
        } catch (Exception | AssertionError e) {
            fail(label, LargeBody.WHAT, e);
        } finally {
            keepLog(home.resolve("gateway.log"), db + "-large");
            delete(home);
        }
    }

    /** The gateway's own log outlives the run's folder: a step's 500 names a reference that is only there. */
    private void keepLog(Path log, String db) {
        try {
            if (Files.exists(log)) {
                Path kept = settings.out().toAbsolutePath().resolveSibling("ingest-bench-gateway-" + db + ".log");
                Files.createDirectories(kept.getParent());
                Files.copy(log, kept, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                System.out.println("bench: the gateway's log is in " + kept);
            }
        } catch (IOException e) {
            System.out.println("bench: could not keep the gateway's log: " + e.getMessage());
        }
    }

    private void fail(String db, String what, Throwable e) {
        table.failed(db, what, e);
        System.out.printf("  %s FAILED: %s%n", what, e);
    }

    private static HikariDataSource dataSource(String db, Path folder) {
        if (db.equals("postgres")) {
            HikariConfig config = new HikariConfig();
            config.setJdbcUrl(EmbeddedPostgres.newDatabaseUrl());
            config.setMaximumPoolSize(2);
            return new HikariDataSource(config);
        }
        return SqliteDataSources.create(folder.resolve("bench.db"));
    }

    static void delete(Path folder) {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            System.out.println("bench: could not delete " + folder + ": " + e.getMessage());
        }
    }
}
