package dev.subsidy.gateway.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The heap one body of nearly {@code gateway.feeds.max-body-bytes} (64 MiB) needs: a gateway of its own with a
 * small heap ({@code bench.large.xmx}) takes it as one NDJSON post, and the row says how much heap was in use before
 * (after a full collection) and at most while the body was read, parsed and stored.
 */
final class LargeBody {

    /** The gateway's default {@code gateway.feeds.max-body-bytes}. */
    static final long MAX_BODY_BYTES = 64L << 20;
    static final String WHAT = "gateway over HTTP, one NDJSON body of up to 64 MiB";

    private final ObjectMapper json = new ObjectMapper();
    private final StandardRecords records;
    private final BenchTable table;

    LargeBody(StandardRecords records, BenchTable table) {
        this.records = records;
        this.table = table;
    }

    /** One body of records {@code first} onwards, as many as fit in 64 MiB: its file and how many it holds. */
    BodyFiles.Body write(Path folder, long first) throws java.io.IOException {
        int estimate = (int) (MAX_BODY_BYTES / records.ndjson(first, 1_000).length * 1_000);
        for (int n = estimate; ; n -= n / 50) {
            List<BodyFiles.Body> one = BodyFiles.write(records, BodyFiles.Kind.NDJSON, folder, first, n, n);
            if (Files.size(one.get(0).file()) <= MAX_BODY_BYTES) {
                return one.get(0);
            }
            Files.delete(one.get(0).file());
        }
    }

    void post(String db, Path home, String xmx, String datasourceUrl, BodyFiles.Body body) throws Exception {
        try (AwardIntakeStub intake = new AwardIntakeStub();
             GatewayProcess gateway = new GatewayProcess(home, xmx, datasourceUrl, intake.url())) {
            byte[] bytes = Files.readAllBytes(body.file());
            long before = gateway.settledHeapBytes();
            long start = System.nanoTime();
            JsonNode receipt = json.readTree(gateway.expect(202, "POST", "/api/v1/feeds/standard/records",
                    "application/x-ndjson", bytes));
            double seconds = (System.nanoTime() - start) / 1e9;
            long peak = gateway.peakHeapBytes();
            long accepted = receipt.path("accepted").asLong();
            if (accepted != body.records()) {
                throw new IllegalStateException("accepted " + accepted + " of " + body.records() + ": " + receipt);
            }
            table.measured(db, WHAT + " (gateway -Xmx" + xmx + ")", body.records(), seconds, String.format(Locale.ROOT,
                    "%,d records in %.1f MiB, all accepted; heap %,d MiB before (after a full GC), %,d MiB at most "
                            + "while it was stored: %.1f× the body above the idle heap (sampled every 250 ms)",
                    body.records(), bytes.length / 1048576.0, before >> 20, peak >> 20,
                    (double) (peak - before) / bytes.length));
        }
    }
}
