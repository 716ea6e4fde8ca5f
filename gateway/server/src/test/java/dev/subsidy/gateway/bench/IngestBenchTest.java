package dev.subsidy.gateway.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariDataSource;
import dev.subsidy.gateway.storage.SqliteDataSources;
import dev.subsidy.gateway.storage.records.RawSegments;
import dev.subsidy.intake.BodyRecord;
import dev.subsidy.intake.FeedFormat;
import dev.subsidy.intake.ParsedRecord;
import dev.subsidy.intake.RecordReader;
import dev.subsidy.intake.StandardRecordParser;
import dev.subsidy.intake.TextDecoder;
import dev.subsidy.model.CreditCode;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ingest bench's machinery at a tiny N, so it cannot rot between runs: its generated records pass the intake in
 * every format, the in-process steps measure and store what they say, and the table keeps a failed step's error.
 * (The gateway end-to-end steps need a child process and run only in the bench itself.)
 */
class IngestBenchTest {

    @TempDir
    Path work;

    @Test
    void theInProcessStepsMeasureEveryRecordAndTheTableShowsTheLimit() throws Exception {
        BenchSettings settings = new BenchSettings(2_000, 500, List.of("sqlite"), "256m", 500, 50, 3, 2, 500, 1, false, "256m",
                work.resolve("out.md"));

        BenchTable table = new IngestBench(settings, work.resolve("run")).run();

        assertThat(table.rows()).extracting(BenchTable.Row::notes).noneMatch(n -> n.startsWith("FAILED"));
        assertThat(table.rows()).extracting(BenchTable.Row::what).containsExactly(BenchTable.PARSE, BenchTable.BULK,
                BenchTable.IN_PROCESS, "the naive Camel route (split → JDBC idempotent repository → one INSERT per record, on H2)");
        assertThat(table.rows()).allSatisfy(r -> assertThat(r.rate()).isPositive());
        assertThat(table.rows().get(0).notes()).startsWith("2,000 in");
        assertThat(table.rows().get(2).notes()).startsWith("2,000 in");
        assertThat(table.rows().get(3).notes()).startsWith("500 in");
        double parse = table.rows().get(0).rate();
        double bulk = table.rows().get(1).rate();
        assertThat(table.limit("SQLite")).isEqualTo(Math.min(parse, bulk));
        assertThat(table.markdown()).contains("| what | records/s | ratio to limit | notes |", "Limit on SQLite");
    }

    @Test
    void everyGeneratedRecordPassesTheIntakeInEachFormat() {
        StandardRecords records = new StandardRecords(7);
        Instant arrival = Instant.now();

        assertThat(parse(FeedFormat.NDJSON, records.ndjson(100, 40), arrival)).hasSize(40);
        assertThat(parse(FeedFormat.JSON, records.jsonArray(100, 40), arrival)).hasSize(40);
        assertThat(parse(FeedFormat.CSV, records.csv(100, 40), arrival)).hasSize(40)
                .extracting(ParsedRecord::naturalKey)
                .isEqualTo(parse(FeedFormat.NDJSON, records.ndjson(100, 40), arrival).stream()
                        .map(ParsedRecord::naturalKey).toList());
        assertThat(StandardRecords.merchant(12_499)).satisfies(id -> assertThat(CreditCode.isValid(id)).isTrue());
    }

    /** The shops' own bodies: every record an order, every shop with as many as the others, so every merchant has figures. */
    @Test
    void theShopsOwnBodiesHoldOnlyOrdersSpreadOverEveryShop() {
        StandardRecords shipments = new StandardRecords(7, 0);
        StandardRecords orders = new StandardRecords(7, 10);
        Instant arrival = Instant.now();

        assertThat(parse(FeedFormat.NDJSON, shipments.ndjson(0, 30), arrival)).extracting(ParsedRecord::kind)
                .containsOnly(dev.subsidy.model.RecordKind.SHIPMENT);
        List<ParsedRecord> sold = parse(FeedFormat.NDJSON, orders.ndjson(1_000, 28), arrival);
        assertThat(sold).extracting(ParsedRecord::kind).containsOnly(dev.subsidy.model.RecordKind.ORDER);
        assertThat(sold.stream().collect(java.util.stream.Collectors.groupingBy(r -> r.order().shopId(),
                java.util.stream.Collectors.counting()))).hasSize(7).allSatisfy((shop, n) -> assertThat(n).isEqualTo(4));
        assertThatThrownBy(() -> new StandardRecords(7, 11)).hasMessageContaining("bench.orders: 0 to 10");
    }

    /**
     * The limit is the database's fastest path for the same rows: what the bulk load writes per record is, column
     * for column, what the intake writes for a record arriving new (the connector, batch and arrival time aside).
     */
    @Test
    void theBulkLoadWritesTheRowsTheIntakeWrites() throws Exception {
        StandardRecords records = new StandardRecords(7);
        List<BodyFiles.Body> body = BodyFiles.write(records, BodyFiles.Kind.NDJSON, work.resolve("bodies"), 0, 60, 60);
        Instant arrival = Instant.now();
        try (HikariDataSource intake = SqliteDataSources.create(work.resolve("intake.db"));
             HikariDataSource bulk = SqliteDataSources.create(work.resolve("bulk.db"))) {
            new InProcessIntake(intake).post(body, new Progress("intake", 1));
            Flyway.configure().dataSource(bulk).locations("classpath:db/migration").load().migrate();
            new BulkLoad(bulk).load(new ParseOnly().parse(java.nio.file.Files.readAllBytes(body.get(0).file()), arrival),
                    arrival.toEpochMilli());

            for (String table : List.of("shipment", "sales_order")) {
                List<Map<String, Object>> written = rows(intake, table);
                assertThat(written).as(table).hasSizeGreaterThan(5).isEqualTo(rows(bulk, table));
                assertThat(written).as(table).allSatisfy(row -> assertThat(row.get("raw_text")).isNotNull());
            }
        }
    }

    private static List<Map<String, Object>> rows(javax.sql.DataSource db, String table) {
        org.springframework.jdbc.core.JdbcTemplate jdbc = new org.springframework.jdbc.core.JdbcTemplate(db);
        RawSegments segments = new RawSegments(jdbc);
        List<Map<String, Object>> rows = jdbc.queryForList("SELECT * FROM " + table + " ORDER BY natural_key");
        rows.forEach(row -> {
            // the raw payload as read from the segment the row points at; the segments' numbering is the writer's own
            assertThat(row.get("raw")).as("no text in the row").isNull();
            row.put("raw_text", segments.find((String) row.get("batch_id"), ((Number) row.remove("raw_segment")).intValue())
                    .orElseThrow().text(((Number) row.remove("raw_at")).intValue(), ((Number) row.remove("raw_length")).intValue()));
            // what depends on the arrival: a generated record's updatedAt is its arrival too
            List.of("connector_id", "connectors", "batch_id", "received_at", "updated_at")
                    .forEach(column -> assertThat(row.remove(column)).as(column).isNotNull());
        });
        return rows;
    }

    @Test
    void aFailedStepKeepsItsRowWithTheErrorAndLeavesTheLimitUnmeasured() {
        BenchTable table = new BenchTable("t");
        table.measured("", BenchTable.PARSE, 1_000, 0.5, "");
        table.failed("PostgreSQL", BenchTable.BULK, new IllegalStateException("COPY refused | twice"));
        table.measured("PostgreSQL", "gateway over HTTP, NDJSON", 1_000, 1.0, "");

        assertThat(table.limit("PostgreSQL")).isNaN();
        assertThat(table.markdown()).contains("| PostgreSQL: bulk load only | — | — | FAILED: COPY refused \\| twice |")
                .contains("| PostgreSQL: gateway over HTTP, NDJSON | 1,000 | — |");
    }

    private static List<ParsedRecord> parse(FeedFormat format, byte[] body, Instant arrival) {
        StandardRecordParser parser = new StandardRecordParser(Map.of());
        RecordReader reader = RecordReader.open(format, TextDecoder.decode(body, null), new ObjectMapper());
        List<ParsedRecord> parsed = new ArrayList<>();
        for (List<BodyRecord> chunk = reader.next(100); !chunk.isEmpty(); chunk = reader.next(100)) {
            for (BodyRecord r : chunk) {
                Object result = parser.parse(r, arrival);
                assertThat(result).as("record %d", r.index()).isInstanceOf(ParsedRecord.class);
                parsed.add((ParsedRecord) result);
            }
        }
        return parsed;
    }
}
