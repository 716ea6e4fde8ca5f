package dev.subsidy.gateway.storage.reconciliation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.subsidy.gateway.reconciliation.ReconciliationStore;
import dev.subsidy.gateway.rejections.RejectionBook;
import dev.subsidy.gateway.storage.rejections.JdbcRejectionBook;
import dev.subsidy.gateway.support.MigratedDatabases;
import dev.subsidy.gateway.support.MigratedDatabases.Database;
import dev.subsidy.intake.IntakeReceipt;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The rejection queue's and reconciliation's SQL (V15) on both databases the gateway runs on, migrated
 * by the gateway's own migrations: the queue paged in order, marks settled by the intake's verdict, a
 * chain of replays traced to the rejection it started from, the list's filters (a reason holding LIKE's
 * own characters), and the period's sums with replay batches left out.
 */
class RejectionStorageIT {

    private static final MigratedDatabases DATABASES = new MigratedDatabases("rejection-storage");
    private static final Instant T0 = Instant.parse("2026-10-10T02:00:00Z");
    private static final Instant FROM = Instant.parse("2026-09-30T16:00:00Z");
    private static final Instant TO = Instant.parse("2026-10-31T16:00:00Z");

    private static JdbcTemplate jdbc(Database db) {
        return DATABASES.jdbc(db);
    }

    @AfterAll
    static void closeSources() {
        DATABASES.close();
    }

    private static void batch(JdbcTemplate jdbc, String id, String connector, String format, Instant at, int records,
                              int accepted, int rejected) {
        jdbc.update("INSERT INTO intake_batch (id, connector_id, received_at, format, records, accepted, duplicates, rejected)"
                + " VALUES (?, ?, ?, ?, ?, ?, 0, ?)", id, connector, at.toEpochMilli(), format, records, accepted, rejected);
    }

    private static void rejection(JdbcTemplate jdbc, String batch, int index, String connector, String reason, String raw,
                                  Instant at) {
        jdbc.update("INSERT INTO rejected_record (batch_id, record_index, connector_id, reason, raw, received_at)"
                + " VALUES (?, ?, ?, ?, ?, ?)", batch, index, connector, reason, raw, at.toEpochMilli());
    }

    private static RejectionBook.Mark mark(RejectionBook.Pending p, String replay, int first, int records,
                                           RejectionBook.Outcome outcome, String reason) {
        return new RejectionBook.Mark(p, "c", replay, T0.plus(Duration.ofDays(1)), first, records, outcome, reason);
    }

    @ParameterizedTest
    @EnumSource(Database.class)
    void replaysAreQueuedMarkedTracedAndSummed(Database db) {
        JdbcTemplate jdbc = jdbc(db);
        String b1 = "in-b1-" + db;
        String c = "c-" + db;
        batch(jdbc, b1, c, "PUSH", T0, 4, 1, 3);
        rejection(jdbc, b1, 1, c, "item 2: unknown courier", "{\"no\": 2}", T0);
        rejection(jdbc, b1, 2, c, "item 3: 50% off_x", "{\"no\": 3}", T0);
        rejection(jdbc, b1, 3, c, "item 4: not a JSON object", "42", T0);
        batch(jdbc, "in-other-" + db, "other-" + db, "NDJSON", T0, 1, 0, 1);
        rejection(jdbc, "in-other-" + db, 0, "other-" + db, "line 1: 50 percent", "{}", T0);
        JdbcRejectionBook book = new JdbcRejectionBook(jdbc);

        // the queue in order, a page at a time
        List<RejectionBook.Pending> first = book.pending(c, null, null, null, 2);
        assertThat(first).extracting(RejectionBook.Pending::index).containsExactly(1, 2);
        List<RejectionBook.Pending> rest = book.pending(c, null, null, first.get(1).after(), 2);
        assertThat(rest).extracting(RejectionBook.Pending::index).containsExactly(3);
        assertThat(book.pending(c, b1, T0.plusSeconds(1), null, 10)).isEmpty();
        assertThat(first.get(0).origin()).isEqualTo("PUSH");
        assertThat(first.get(0).originBatch()).isEqualTo(b1);

        // a replay takes all three; the intake rejects the first again, as index 0 of the replay batch
        book.mark(List.of(mark(first.get(0), "tok-" + db, 0, 1, RejectionBook.Outcome.STORED, null),
                mark(first.get(1), "tok-" + db, 1, 1, RejectionBook.Outcome.STORED, null),
                mark(rest.get(0), "tok-" + db, 2, 0, RejectionBook.Outcome.NOT_REPLAYABLE, "not replayable: 42")));
        String rb = "in-rb-" + db;
        batch(jdbc, rb, c, "REPLAY", T0.plus(Duration.ofDays(40)), 2, 1, 1);
        rejection(jdbc, rb, 0, c, "replay of b1 #1: unknown courier", "{\"no\": 2}", T0.plus(Duration.ofDays(40)));
        book.settle("tok-" + db, rb, List.of(new IntakeReceipt.Rejected(0, "replay of b1 #1: unknown courier")));

        assertThat(book.countNotStored(rb)).isEqualTo(2);
        assertThat(book.notStored(rb, 10)).extracting(RejectionBook.NotStored::index, RejectionBook.NotStored::outcome)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1, "STILL_REJECTED"),
                        org.assertj.core.groups.Tuple.tuple(3, "NOT_REPLAYABLE"));
        // only the new rejection is queued, traced to the one the partner's record first arrived as
        List<RejectionBook.Pending> queued = book.pending(c, null, null, null, 10);
        assertThat(queued).singleElement().satisfies(p -> {
            assertThat(p.batch()).isEqualTo(rb);
            assertThat(p.originBatch()).isEqualTo(b1);
            assertThat(p.originIndex()).isEqualTo(1);
        });
        // the next replay stores it
        book.mark(List.of(mark(queued.get(0), "tok2-" + db, 0, 1, RejectionBook.Outcome.STORED, null)));
        book.settle("tok2-" + db, "in-rb2-" + db, List.of());

        // the list: filters, LIKE's own characters taken literally, replay state
        assertThat(book.list(new RejectionBook.Filter(null, null, "50%", null), 0, 10).items())
                .extracting(RejectionBook.Listed::connector).containsExactly(c);
        assertThat(book.list(new RejectionBook.Filter(c, null, "OFF_X", null), 0, 10).total()).isOne();
        assertThat(book.list(new RejectionBook.Filter(c, null, null, false), 0, 10).total()).isZero();
        RejectionBook.Page replayed = book.list(new RejectionBook.Filter(c, null, null, true), 0, 3);
        assertThat(replayed.total()).isEqualTo(4);
        assertThat(replayed.items().get(0).batch()).as("newest first").isEqualTo(rb);
        assertThat(replayed.items().get(0).replay().batch()).isEqualTo("in-rb2-" + db);
        assertThat(book.list(new RejectionBook.Filter(c, b1, null, null), 1, 2).items())
                .extracting(RejectionBook.Listed::index).containsExactly(3);
        assertThat(book.readByConnector(c)).isTrue();
        assertThat(book.readByConnector("other-" + db)).isFalse();
        assertThat(book.anyBatch("nobody")).isFalse();

        // the period the records arrived in: the replay batch (in November) is not received again
        jdbc.update("INSERT INTO connector_run (id, connector_id, started_at, finished_at, records_in, accepted, duplicates,"
                + " rejected, outcome, file_name, file_outcome) VALUES (?, ?, ?, ?, 0, 0, 0, 0, ?, ?, ?)",
                "run-1-" + db, c, T0.toEpochMilli(), T0.toEpochMilli(), "FAILED", "a.csv", "FAILED");
        jdbc.update("INSERT INTO connector_run (id, connector_id, started_at, finished_at, records_in, accepted, duplicates,"
                + " rejected, outcome, file_name, file_outcome) VALUES (?, ?, ?, ?, 0, 0, 0, 0, ?, ?, ?)",
                "run-2-" + db, c, T0.toEpochMilli(), T0.toEpochMilli(), "FAILED", "b.csv", "RETRYING");
        JdbcReconciliationStore store = new JdbcReconciliationStore(jdbc);
        assertThat(store.intake(c, FROM, TO)).containsExactly(new ReconciliationStore.Intake("PUSH", 1, 4, 1, 0, 3));
        assertThat(store.rejectionsKept(c, FROM, TO)).isEqualTo(3);
        assertThat(store.replays(c, FROM, TO)).isEqualTo(new ReconciliationStore.Replays(3, 2, 0, 0, 1));
        assertThat(store.runs(c, FROM, TO)).isEqualTo(new ReconciliationStore.Runs(2, 2, 1, 1));
        assertThat(store.intake(c, TO, TO.plus(Duration.ofDays(30)))).isEmpty();
        assertThat(store.replays(c, TO, TO.plus(Duration.ofDays(30)))).isEqualTo(new ReconciliationStore.Replays(0, 0, 0, 0, 0));
        assertThat(store.everKnown(c)).isTrue();
        assertThat(store.everKnown("nobody")).isFalse();
    }
}
