package dev.subsidy.gateway.storage.review;

import static org.assertj.core.api.Assertions.assertThat;

import dev.subsidy.gateway.support.MigratedDatabases;
import dev.subsidy.gateway.support.MigratedDatabases.Database;
import dev.subsidy.model.RecordKind;
import dev.subsidy.verification.Review;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The review queue's SQL on both databases the gateway runs on, migrated by the gateway's own
 * migrations: decisions appended in order per record, the latest read back for more keys than one
 * IN-slice holds, and the queue filtered and paged over records and findings written as a close
 * writes them.
 */
class ReviewStorageIT {

    private static final MigratedDatabases DATABASES = new MigratedDatabases("review-storage");
    private static final Instant T0 = Instant.parse("2025-03-01T00:00:00Z");

    private static JdbcTemplate jdbc(Database db) {
        return DATABASES.jdbc(db);
    }

    @AfterAll
    static void closeSources() {
        DATABASES.close();
    }

    @ParameterizedTest
    @EnumSource(Database.class)
    void theLatestDecisionPerRecordIsTheLastAppendedAcrossSlices(Database db) {
        JdbcReviewBook book = new JdbcReviewBook(jdbc(db));
        List<String> keys = IntStream.range(0, 1_203).mapToObj(i -> "ZTO:BOOK" + db + i).toList();
        // one first decision for every key in one append, then a second for every third key, all in one millisecond
        book.append(keys.stream().map(k -> decision(k, Review.Outcome.ACCEPT, "hash-1", null)).toList());
        List<JdbcReviewBook.Decision> second = new ArrayList<>();
        for (int i = 0; i < keys.size(); i += 3) {
            second.add(decision(keys.get(i), Review.Outcome.REJECT, "hash-2",
                    new JdbcReviewBook.Via("waybill.shape", "91522633MA6D0KD01Y", "2025-03")));
        }
        book.append(second);

        Map<String, Review> latest = book.decisions(RecordKind.SHIPMENT, keys);
        assertThat(latest).hasSize(keys.size());
        for (int i = 0; i < keys.size(); i++) {
            Review r = latest.get(keys.get(i));
            assertThat(r.outcome()).as(keys.get(i)).isEqualTo(i % 3 == 0 ? Review.Outcome.REJECT : Review.Outcome.ACCEPT);
            assertThat(r.contentHash()).isEqualTo(i % 3 == 0 ? "hash-2" : "hash-1");
        }
        assertThat(book.decisions(RecordKind.ORDER, keys)).isEmpty();

        List<JdbcReviewBook.Decision> history = book.history(RecordKind.SHIPMENT, keys.get(0));
        assertThat(history).extracting(d -> d.review().outcome()).containsExactly(Review.Outcome.REJECT,
                Review.Outcome.ACCEPT);
        assertThat(history.get(0).via()).isEqualTo(new JdbcReviewBook.Via("waybill.shape", "91522633MA6D0KD01Y", "2025-03"));
        assertThat(history.get(1).via()).isNull();
        assertThat(history.get(0).review().reviewer()).isEqualTo("admin");
        assertThat(history.get(0).review().decidedAt()).isEqualTo(T0);
    }

    @ParameterizedTest
    @EnumSource(Database.class)
    void aCloseAskingForManyMoreRecordsThanWereDecidedGetsTheLatestOfThoseAskedOnly(Database db) {
        JdbcReviewBook book = new JdbcReviewBook(jdbc(db));
        // more keys than the table holds decisions: read in one pass over the decisions, not slice by slice
        List<String> asked = IntStream.range(0, 20_000).mapToObj(i -> "ZTO:CLOSE" + db + i).toList();
        book.append(List.of(decision(asked.get(7), Review.Outcome.ACCEPT, "hash-1", null),
                decision(asked.get(19_999), Review.Outcome.ACCEPT, "hash-1", null),
                decision("ZTO:NOT-ASKED" + db, Review.Outcome.ACCEPT, "hash-1", null)));
        book.append(List.of(decision(asked.get(7), Review.Outcome.REJECT, "hash-2", null)));

        Map<String, Review> latest = book.decisions(RecordKind.SHIPMENT, asked);

        assertThat(latest).containsOnlyKeys(asked.get(7), asked.get(19_999));
        assertThat(latest.get(asked.get(7)).outcome()).isEqualTo(Review.Outcome.REJECT);
        assertThat(latest.get(asked.get(7)).contentHash()).isEqualTo("hash-2");
        assertThat(latest.get(asked.get(19_999)).outcome()).isEqualTo(Review.Outcome.ACCEPT);
        assertThat(book.decisions(RecordKind.ORDER, asked)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Database.class)
    void theQueueTakesSuspectsAndDuplicatesByRuleSubjectAndMonthInKeyOrder(Database db) {
        JdbcTemplate jdbc = jdbc(db);
        JdbcReviewQueue queue = new JdbcReviewQueue(jdbc);
        String p = "Q" + db + ":";
        shipment(jdbc, p + "A1", "SUSPECT", "2025-04", "co-1", "waybill.shape", "SUSPECT");
        shipment(jdbc, p + "A2", "DUPLICATE", "2025-04", "co-1", "waybill.same-parcel", "DUPLICATE");
        shipment(jdbc, p + "A3", "VERIFIED", "2025-04", "co-1", "waybill.shape", "SUSPECT"); // accepted earlier
        shipment(jdbc, p + "A4", "REJECTED", "2025-04", "co-2", "registry.seller-type", "REJECTED");
        shipment(jdbc, p + "A5", "SUSPECT", "2025-05", "co-1", "waybill.shape", "SUSPECT");
        shipment(jdbc, p + "A6", "SUSPECT", "2025-04", "co-2", "waybill.shape", "SUSPECT");
        finding(jdbc, "shipment", p + "A6", "parcel.hollow", "SUSPECT", "2025-04", "co-2");

        JdbcReviewQueue.Page april = queue.suspects(new JdbcReviewQueue.Filter(null, null, null, List.of("2025-04")), 0, 2);
        assertThat(april.total()).isEqualTo(3);
        assertThat(april.items()).extracting(JdbcReviewQueue.Flagged::key).containsExactly(p + "A1", p + "A2");
        assertThat(queue.suspects(new JdbcReviewQueue.Filter(null, null, null, List.of("2025-04")), 1, 2).items())
                .extracting(JdbcReviewQueue.Flagged::key).containsExactly(p + "A6");

        JdbcReviewQueue.Filter shapeOfCo1 = new JdbcReviewQueue.Filter(RecordKind.SHIPMENT, "waybill.shape", "co-1",
                List.of("2025-04", "2025-05", "2025-06"));
        assertThat(queue.allSuspects(shapeOfCo1)).extracting(JdbcReviewQueue.Flagged::key)
                .containsExactly(p + "A1", p + "A5");
        assertThat(queue.allSuspects(new JdbcReviewQueue.Filter(RecordKind.ORDER, "waybill.shape", null, null))).isEmpty();

        JdbcReviewQueue.Flagged a6 = queue.records(RecordKind.SHIPMENT, List.of(p + "A6", p + "NONE")).get(p + "A6");
        assertThat(a6.findings()).extracting(f -> f.rule()).containsExactly("parcel.hollow", "waybill.shape");
        assertThat(a6.period()).isEqualTo("2025-04");
        assertThat(a6.subject()).isEqualTo("co-2");
        assertThat(a6.contentHash()).isEqualTo("hash-" + p + "A6");

        Map<String, JdbcReviewQueue.RuleCount> counts = new java.util.HashMap<>();
        queue.rules(List.of("2025-04")).forEach(c -> counts.put(c.rule(), c));
        assertThat(counts.get("waybill.shape")).isEqualTo(new JdbcReviewQueue.RuleCount("waybill.shape", 3, 2));
        assertThat(counts.get("registry.seller-type").inQueue()).isZero();

        jdbc.update("INSERT INTO period_close (period, closes, last_closed, summary) VALUES ('2025-Q2', 1, 0, '{}')");
        assertThat(queue.closed(List.of("2025-04", "2025-Q2", "2025"))).containsExactly("2025-Q2");
    }

    private static JdbcReviewBook.Decision decision(String key, Review.Outcome outcome, String hash,
                                                    JdbcReviewBook.Via via) {
        return new JdbcReviewBook.Decision(new Review(RecordKind.SHIPMENT, key, outcome, "checked with the carrier",
                "admin", T0, hash), via);
    }

    private static void shipment(JdbcTemplate jdbc, String key, String status, String period, String subject,
                                 String rule, String outcome) {
        jdbc.update("INSERT INTO shipment (natural_key, carrier, waybill_no, version, versions, updated_at, content_hash, "
                + "collected_at, connector_id, connectors, duplicates, received_at) "
                + "VALUES (?, 'ZTO', ?, 1, 1, 0, ?, 0, 'standard', 'standard', 1, 0)", key, key, "hash-" + key);
        jdbc.update("INSERT INTO record_status (kind, natural_key, status) VALUES ('shipment', ?, ?)", key, status);
        finding(jdbc, "shipment", key, rule, outcome, period, subject);
    }

    private static void finding(JdbcTemplate jdbc, String kind, String key, String rule, String outcome, String period,
                                String subject) {
        jdbc.update("INSERT INTO record_finding (kind, natural_key, rule, outcome, reason, period, subject_id) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?)", kind, key, rule, outcome, rule + " found it", period, subject);
    }
}
