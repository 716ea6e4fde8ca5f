package dev.subsidy.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The intake's pipeline: chunks in order, failures where the transaction is, a reader that needs the transaction's thread. */
class ParsedChunksTest {

    static final Instant ARRIVAL = Instant.parse("2026-11-05T02:00:00Z");
    static final ObjectMapper JSON = new ObjectMapper();
    final StandardRecordParser parser = new StandardRecordParser(Map.of());

    static String shipment(int n) {
        return "{\"kind\":\"shipment\",\"carrier\":\"ZTO\",\"waybillNo\":\"73" + String.format("%010d", n)
                + "\",\"collectedAt\":\"2026-10-03T10:00:00+08:00\",\"originRegion\":\"522633\",\"destRegion\":\"440106\"}";
    }

    static byte[] ndjson(int records, String brokenLine) {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < records; i++) {
            body.append(i == records / 2 && brokenLine != null ? brokenLine : shipment(i)).append('\n');
        }
        return body.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void chunksComeInOrderValidatedWithTheirCanonicalHashesAndRejections() {
        byte[] body = ndjson(2_500, "{not json");
        RecordReader reader = RecordReader.open(FeedFormat.NDJSON, body, TextDecoder.check(body, null), JSON);
        List<String> keys = new ArrayList<>();
        int rejected = 0;
        try (ParsedChunks chunks = ParsedChunks.start(reader, parser, ARRIVAL, 1_000)) {
            for (ParsedChunks.Chunk c = chunks.next(); c != null; c = chunks.next()) {
                c.shipments().forEach(a -> {
                    keys.add(a.record().naturalKey());
                    assertThat(a.hash()).isEqualTo(CanonicalForm.sha256(CanonicalForm.of(a.record())));
                });
                rejected += c.rejections().size();
            }
        }
        assertThat(keys).hasSize(2_499).startsWith("ZTO:730000000000").endsWith("ZTO:730000002499");
        assertThat(rejected).isOne();
    }

    @Test
    void aBodyBrokenHalfWayThrowsOnTheStoringThreadAfterTheChunksBeforeIt() {
        String text = "[" + shipment(1) + "," + shipment(2) + ",{\"kind\": ]";
        RecordReader reader = RecordReader.open(FeedFormat.JSON, text, JSON);
        try (ParsedChunks chunks = ParsedChunks.start(reader, parser, ARRIVAL, 2)) {
            assertThat(chunks.next().shipments()).hasSize(2);
            assertThatThrownBy(chunks::next).isInstanceOf(UnreadableBodyException.class).hasMessageContaining("not valid JSON");
        }
    }

    @Test
    void aReaderThatNeedsTheTransactionIsReadOnTheStoringThread() {
        List<String> threads = new ArrayList<>();
        RecordReader inTransaction = new CountingReader(3, threads) {
            @Override
            public boolean readsInTransaction() {
                return true;
            }
        };
        try (ParsedChunks chunks = ParsedChunks.start(inTransaction, parser, ARRIVAL, 1)) {
            while (chunks.next() != null) {
                // stored here
            }
        }
        assertThat(threads).hasSize(4).containsOnly(Thread.currentThread().getName());

        List<String> elsewhere = new ArrayList<>();
        try (ParsedChunks chunks = ParsedChunks.start(new CountingReader(3, elsewhere), parser, ARRIVAL, 1)) {
            while (chunks.next() != null) {
                // stored here
            }
        }
        assertThat(elsewhere).isNotEmpty().allMatch(name -> name.startsWith("intake-parse-"));
    }

    @Test
    void closingBeforeTheEndStopsTheReadingThread() {
        CountingReader endless = new CountingReader(Integer.MAX_VALUE, new ArrayList<>());
        ParsedChunks chunks = ParsedChunks.start(endless, parser, ARRIVAL, 1);
        assertThat(chunks.next()).isNotNull();
        chunks.close();
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            int read = endless.calls.get();
            await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).until(() -> endless.calls.get() == read);
        });
    }

    /** Hands out one shipment per call, {@code records} in all, noting the thread each call ran on. */
    static class CountingReader implements RecordReader {
        final AtomicInteger calls = new AtomicInteger();
        final int records;
        final List<String> threads;

        CountingReader(int records, List<String> threads) {
            this.records = records;
            this.threads = threads;
        }

        @Override
        public List<BodyRecord> next(int max) {
            int n = calls.getAndIncrement();
            synchronized (threads) {
                threads.add(Thread.currentThread().getName());
            }
            if (n >= records) {
                return List.of();
            }
            try {
                String text = shipment(n);
                return List.of(BodyRecord.of(n, (com.fasterxml.jackson.databind.node.ObjectNode) JSON.readTree(text), text));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
