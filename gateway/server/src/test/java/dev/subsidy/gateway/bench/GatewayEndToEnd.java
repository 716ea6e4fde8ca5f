package dev.subsidy.gateway.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.awaitility.Awaitility;

/**
 * The gateway as a feeder and an operator see it: bodies posted over HTTP, files dropped into a connector's inbox,
 * the month closed, its figures pushed; each step one row of the table, a failed step its error in its row.
 */
final class GatewayEndToEnd {

    static final String INBOX_CONNECTOR = "bench-inbox";
    private static final Duration LONG_WAIT = Duration.ofHours(2);

    private final ObjectMapper json = new ObjectMapper();
    private final GatewayProcess gateway;
    private final BenchTable table;
    private final String db;
    private final int clients;

    GatewayEndToEnd(GatewayProcess gateway, BenchTable table, String db, int clients) {
        this.gateway = gateway;
        this.table = table;
        this.db = db;
        this.clients = clients;
    }

    void register(StandardRecords records) throws IOException, InterruptedException {
        JsonNode reply = json.readTree(gateway.expect(200, "PUT", "/api/v1/registry/subjects", "application/json",
                records.registryJson().getBytes(StandardCharsets.UTF_8)));
        if (!reply.path("rejected").isEmpty()) {
            throw new IllegalStateException("the registry refused subjects: " + reply.path("rejected"));
        }
    }

    /** Posts every body to the standard feed from {@code clients} threads; one row with records/s. */
    long post(String what, List<BodyFiles.Body> bodies, String contentType) {
        Long posted = step(what, () -> {
            long records = bodies.stream().mapToLong(BodyFiles.Body::records).sum();
            AtomicInteger next = new AtomicInteger();
            AtomicLong accepted = new AtomicLong();
            Progress progress = new Progress(db + " " + what, bodies.size());
            ExecutorService pool = Executors.newFixedThreadPool(clients);
            GatewayProcess.JvmTimes before = gateway.jvmTimes();
            long start = System.nanoTime();
            try {
                List<Future<Object>> done = Stream.generate(() -> pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < bodies.size(); i = next.getAndIncrement()) {
                        JsonNode receipt = json.readTree(gateway.expect(202, "POST", "/api/v1/feeds/standard/records",
                                contentType, Files.readAllBytes(bodies.get(i).file())));
                        if (!receipt.path("rejected").isEmpty()) {
                            throw new IllegalStateException("body " + i + ": rejected " + receipt.path("rejected").get(0));
                        }
                        accepted.addAndGet(receipt.path("accepted").asLong());
                        progress.step();
                    }
                    return null;
                })).limit(clients).toList();
                for (Future<Object> f : done) {
                    f.get();
                }
            } finally {
                pool.shutdownNow();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            GatewayProcess.JvmTimes spent = gateway.jvmTimes().minus(before);
            table.measured(db, what, records, seconds, String.format(Locale.ROOT, "%,d accepted, %d client thread%s; "
                    + "the gateway's JIT compilers worked %.1f s, its collectors %.1f s", accepted.get(),
                    clients, clients == 1 ? "" : "s", spent.compiling(), spent.collecting()));
            return records;
        });
        return posted == null ? 0 : posted;
    }

    /** Defines a file connector, drops every file into its inbox, and waits until each is in done/ or failed/. */
    long inbox(List<BodyFiles.Body> files) {
        String what = "gateway through a file connector's inbox (branch CSV, standard-csv mapping)";
        Long dropped = step(what, () -> {
            String definition = "id: " + INBOX_CONNECTOR + "\ntype: file\nmapping: standard-csv\nmappingParams:\n"
                    + "  carrier: 中通\nsettings:\n  quiet_period: 1s\n";
            gateway.expect(200, "POST", "/api/v1/connectors", "application/yaml",
                    definition.getBytes(StandardCharsets.UTF_8));
            Path inbox = gateway.home().resolve("inbox").resolve(INBOX_CONNECTOR);
            long records = files.stream().mapToLong(BodyFiles.Body::records).sum();
            long start = System.nanoTime();
            for (BodyFiles.Body f : files) {
                // complete files only: copied under a name the inbox skips, then renamed
                Path part = inbox.resolve(f.file().getFileName() + ".part");
                Files.copy(f.file(), part);
                Files.move(part, inbox.resolve(f.file().getFileName()), StandardCopyOption.ATOMIC_MOVE);
            }
            Progress progress = new Progress(db + " inbox", files.size());
            Awaitility.await(files.size() + " inbox files done").atMost(LONG_WAIT).pollInterval(Duration.ofMillis(200))
                    .until(() -> progress.at(count(inbox.resolve("done")) + count(inbox.resolve("failed"))) == files.size());
            double seconds = (System.nanoTime() - start) / 1e9;
            JsonNode after = json.readTree(gateway.expect(200, "GET", "/api/v1/connectors/" + INBOX_CONNECTOR, null, null));
            long failed = count(inbox.resolve("failed"));
            table.measured(db, what, records, seconds, String.format(Locale.ROOT,
                    "%d files of %,d rows, %,d accepted, %d file(s) failed; includes the %s quiet period", files.size(),
                    files.get(0).records(), after.path("accepted").asLong(), failed, "1 s"));
            return records;
        });
        return dropped == null ? 0 : dropped;
    }

    /** Closes the month; then times the push of its figures until no batch is left PENDING. */
    void closeAndPush(long records, AwardIntakeStub intake) {
        JsonNode summary = step("period close (POST /api/v1/periods/" + StandardRecords.PERIOD + "/close)", () -> {
            System.out.printf("  %s: closing %s (%,d records)%n", db, StandardRecords.PERIOD, records);
            long start = System.nanoTime();
            JsonNode reply = json.readTree(gateway.expect(200, "POST", "/api/v1/periods/" + StandardRecords.PERIOD
                    + "/close", null, null));
            double seconds = (System.nanoTime() - start) / 1e9;
            table.measured(db, "period close (POST /api/v1/periods/" + StandardRecords.PERIOD + "/close)", records,
                    seconds, String.format(Locale.ROOT, "%,d figures (%,d new), %,d award lines, %d batches queued",
                            reply.path("figures").asLong(), reply.path("figuresRevised").asLong(),
                            reply.path("awardLines").asLong(), reply.path("deliveriesQueued").asLong()));
            return reply;
        });
        if (summary == null) {
            table.noted(db, "push of the figures to a local intake", "not run: the close failed");
            return;
        }
        step("push of the figures to a local intake", () -> {
            long start = System.nanoTime();
            Awaitility.await("the outbox empty").atMost(LONG_WAIT).pollInterval(Duration.ofMillis(200))
                    .until(() -> json.readTree(gateway.expect(200, "GET", "/api/v1/deliveries?status=PENDING&limit=1",
                            null, null)).isEmpty());
            double seconds = (System.nanoTime() - start) / 1e9;
            int failed = json.readTree(gateway.expect(200, "GET", "/api/v1/deliveries?status=FAILED&limit=1000", null,
                    null)).size();
            long figures = summary.path("figuresRevised").asLong();
            table.measured(db, "push of the figures to a local intake (figures/s)", figures, seconds,
                    String.format(Locale.ROOT, "%,d batches (figures and award lines), %,d KiB received, %d FAILED; "
                            + "until no batch is PENDING", intake.requests(), intake.bytes() >> 10, failed));
            return null;
        });
    }

    void peakHeap(String xmx) {
        long peak = gateway.peakHeapBytes();
        table.noted(db, "peak heap of the gateway process", peak == 0 ? "no sample of the heap read over JMX"
                : String.format(Locale.ROOT, "%,d MiB used at most, of -Xmx%s (the heap's use over JMX, "
                        + "sampled every 250 ms)", peak >> 20, xmx));
    }

    private static long count(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> !f.getFileName().toString().endsWith(".errors.csv")).count();
        }
    }

    /** A step that may fail: its error becomes its row, and the run goes on. */
    private <T> T step(String what, Step<T> step) {
        try {
            return step.run();
        } catch (Exception | AssertionError e) {
            table.failed(db, what, e);
            System.out.printf("  %s: %s FAILED: %s%n", db, what, e);
            return null;
        }
    }

    @FunctionalInterface
    interface Step<T> {
        T run() throws Exception;
    }
}
