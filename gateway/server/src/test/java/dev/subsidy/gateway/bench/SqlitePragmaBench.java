package dev.subsidy.gateway.bench;

import com.zaxxer.hikari.HikariDataSource;
import dev.subsidy.gateway.storage.SqliteDataSources;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.sqlite.SQLiteConfig;

/**
 * The SQLite settings, one changed at a time from the gateway's, each measured with the gateway's own intake
 * in process ({@link InProcessIntake}) over the same NDJSON bodies: what each setting is worth, printed as one
 * table. {@code ./mvnw -q -Pbench-pragmas -pl gateway/server -am verify [-Dbench.records=…]}.
 */
public final class SqlitePragmaBench {

    record Variant(String name, Consumer<SQLiteConfig> adjust, boolean backgroundCheckpoints) {}

    private static final List<Variant> VARIANTS = List.of(
            new Variant("the gateway's settings (WAL, synchronous=FULL, 64 MiB cache, file mapped, checkpoints on their own thread)",
                    c -> {}, true),
            new Variant("checkpoints inside the commit (SQLite's default wal_autocheckpoint=1000)", c -> {}, false),
            new Variant("synchronous=NORMAL (a power cut may lose the last commits: not taken)",
                    c -> c.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL), true),
            new Variant("page_size=16384", c -> c.setPageSize(16_384), true),
            new Variant("page_size=8192", c -> c.setPageSize(8_192), true),
            new Variant("page_size=2048", c -> c.setPageSize(2_048), true),
            new Variant("page_size=1024", c -> c.setPageSize(1_024), true),
            new Variant("mmap_size=0 (SQLite's default: a read() per page)",
                    c -> c.setPragma(SQLiteConfig.Pragma.MMAP_SIZE, "0"), true),
            new Variant("cache_size=2 MiB (SQLite's default)", c -> c.setCacheSize(-2_000), true));

    private SqlitePragmaBench() {}

    /**
     * The variants named by their numbers in the table, counted from 0, separated by commas ({@code -Dbench.variants=0,4,6}:
     * at ten million records a run of every variant takes most of an hour); all of them for none. The first is what the
     * others are compared with.
     */
    static List<Variant> chosen(String numbers) {
        if (numbers.isBlank()) {
            return VARIANTS;
        }
        List<Variant> chosen = new java.util.ArrayList<>();
        for (String n : numbers.split(",")) {
            int i;
            try {
                i = Integer.parseInt(n.trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("bench.variants: '" + n.trim() + "' is not a row number; give numbers "
                        + "from 0 to " + (VARIANTS.size() - 1) + " separated by commas, as in 0,5,6");
            }
            if (i < 0 || i >= VARIANTS.size()) {
                throw new IllegalArgumentException("bench.variants: no row " + i + "; the rows are numbered 0 to "
                        + (VARIANTS.size() - 1));
            }
            chosen.add(VARIANTS.get(i));
        }
        return chosen;
    }

    public static void main(String[] args) throws Exception {
        long records = Long.getLong("bench.records", 300_000);
        int bodySize = Integer.getInteger("bench.body", 10_000);
        Path work = Files.createTempDirectory("pragma-bench");
        try {
            List<BodyFiles.Body> bodies = BodyFiles.write(new StandardRecords(1_000), BodyFiles.Kind.NDJSON,
                    work.resolve("ndjson"), 0, records, bodySize);
            StringBuilder table = new StringBuilder(String.format(Locale.ROOT,
                    "SQLite settings, %s UTC: %,d standard records in NDJSON bodies of %,d, the gateway's intake in "
                            + "process, %d cores%n%n| setting | records/s | vs the gateway's |%n|---|---:|---:|%n",
                    LocalDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")), records,
                    bodySize, Runtime.getRuntime().availableProcessors()));
            double base = Double.NaN;
            // the first variant once more ahead of all, unrecorded: the JIT warms up on it, not on the first row
            List<Variant> runs = new java.util.ArrayList<>();
            runs.add(VARIANTS.get(0));
            runs.addAll(chosen(System.getProperty("bench.variants", "")));
            for (int i = 0; i < runs.size(); i++) {
                Variant v = runs.get(i);
                boolean warmUp = i == 0;
                Path folder = work.resolve("db-" + i);
                double rate;
                try (HikariDataSource db = SqliteDataSources.create(folder.resolve("gateway.db"), v.adjust(),
                        v.backgroundCheckpoints())) {
                    System.out.println("bench: " + (warmUp ? "warm-up: " : "") + v.name());
                    InProcessIntake run = new InProcessIntake(db).post(bodies, new Progress(v.name(), bodies.size()));
                    rate = run.accepted() / run.seconds();
                } finally {
                    IngestBench.delete(folder);
                }
                if (warmUp) {
                    continue;
                }
                base = Double.isNaN(base) ? rate : base;
                table.append(String.format(Locale.ROOT, "| %s | %,.0f | %.2f |%n", v.name(), rate, rate / base));
            }
            System.out.println();
            System.out.println(table);
            Path out = Path.of(System.getProperty("bench.out", "target/sqlite-pragma-bench.md"));
            Files.createDirectories(out.toAbsolutePath().getParent());
            Files.writeString(out, table);
            System.out.println("written to " + out.toAbsolutePath());
        } finally {
            IngestBench.delete(work);
        }
        System.exit(0);
    }
}
