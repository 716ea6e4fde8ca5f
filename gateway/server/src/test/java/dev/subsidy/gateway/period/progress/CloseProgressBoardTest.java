package dev.subsidy.gateway.period.progress;

import static org.assertj.core.api.Assertions.assertThat;

import dev.subsidy.model.Period;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class CloseProgressBoardTest {

    private final MovableClock clock = new MovableClock(Instant.parse("2026-11-02T01:00:00Z"));
    private final List<String> lines = new ArrayList<>();
    private final CloseProgressBoard board = new CloseProgressBoard(clock, lines::add, Duration.ofSeconds(5), 100_000);
    private final Period october = Period.parse("2026-10");

    @Test
    void aPeriodNeverClosedSinceStartHasNoProgress() {
        assertThat(board.of(october)).isEmpty();
    }

    @Test
    void theViewShowsThePhaseRunningNowWithItsCounts() {
        CloseProgress progress = board.begin(october);
        progress.phase("marking statuses", 1_000_000);
        progress.advanced(400_000);

        CloseProgressView view = board.of(october).orElseThrow();
        assertThat(view.period()).isEqualTo("2026-10");
        assertThat(view.phase()).isEqualTo("marking statuses");
        assertThat(view.done()).isEqualTo(400_000);
        assertThat(view.total()).isEqualTo(1_000_000);
        assertThat(view.startedAt()).isEqualTo(Instant.parse("2026-11-02T01:00:00Z"));
        assertThat(view.finishedAt()).isNull();
        assertThat(view.outcome()).isNull();
    }

    @Test
    void aFinishedCloseKeepsItsLastPhaseWithWhenItEndedAndHow() {
        CloseProgress progress = board.begin(october);
        progress.phase("queueing for the award system", 3);
        progress.advanced(3);
        clock.move(Duration.ofSeconds(7));
        progress.finished();

        CloseProgressView view = board.of(october).orElseThrow();
        assertThat(view.outcome()).isEqualTo("CLOSED");
        assertThat(view.finishedAt()).isEqualTo(Instant.parse("2026-11-02T01:00:07Z"));
        assertThat(lines).last().isEqualTo("close 2026-10: closed after 7 s");
    }

    @Test
    void aFailedCloseSaysWhyAndAnEndIsNeverRewritten() {
        CloseProgress progress = board.begin(october);
        progress.phase("verifying records", 0);
        progress.failed("storage is full");
        progress.finished();

        assertThat(board.of(october).orElseThrow().outcome()).isEqualTo("FAILED: storage is full");
    }

    @Test
    void aNewCloseOfThePeriodReplacesTheLastOneAndOtherPeriodsKeepTheirs() {
        board.begin(october).finished();
        board.begin(Period.parse("2026-09")).phase("computing figures", 0);
        board.begin(october).phase("marking statuses", 10);

        assertThat(board.of(october).orElseThrow().outcome()).isNull();
        assertThat(board.of(Period.parse("2026-09")).orElseThrow().phase()).isEqualTo("computing figures");
    }

    @Test
    void logsEachPhaseThenEveryHundredThousandRecordsNotEveryRecord() {
        CloseProgress progress = board.begin(october);
        progress.phase("marking statuses", 1_000_000);
        IntStream.range(0, 1_000).forEach(i -> progress.advanced(1_000));

        assertThat(lines).hasSize(11);
        assertThat(lines.get(0)).isEqualTo("close 2026-10: marking statuses 0 of 1,000,000 (0 %), 0 s");
        assertThat(lines.get(4)).isEqualTo("close 2026-10: marking statuses 400,000 of 1,000,000 (40 %), 0 s");
        assertThat(lines.get(10)).contains("1,000,000 of 1,000,000 (100 %)");
    }

    @Test
    void logsEveryFewSecondsWhenRecordsComeSlowly() {
        CloseProgress progress = board.begin(october);
        progress.phase("marking statuses", 1_000);
        progress.advanced(10);
        clock.move(Duration.ofSeconds(4));
        progress.advanced(10);
        clock.move(Duration.ofSeconds(1));
        progress.advanced(10);

        assertThat(lines).containsExactly("close 2026-10: marking statuses 30 of 1,000 (3 %), 5 s");
    }

    @Test
    void aCloseOverInAFewSecondsLogsNothingButAFailure() {
        CloseProgress small = board.begin(october);
        small.phase("marking statuses", 40);
        small.advanced(40);
        small.finished();
        assertThat(lines).isEmpty();

        CloseProgress failing = board.begin(october);
        failing.phase("verifying records", 0);
        failing.failed("storage is full");
        assertThat(lines).containsExactly("close 2026-10: failed: storage is full after 0 s");
    }

    @Test
    void aPhaseThatCannotBeCountedUpFrontSaysOnlyWhatItDoes() {
        CloseProgress progress = board.begin(october);
        clock.move(Duration.ofSeconds(75));
        progress.phase("verifying records", 0);

        assertThat(lines).containsExactly("close 2026-10: verifying records, 1 min 15 s");
        assertThat(board.of(october).orElseThrow().total()).isZero();
    }

    @Test
    void chunkedWorkAdvancesAfterEachChunk() {
        CloseProgress progress = board.begin(october);
        progress.phase("marking statuses", 12);
        List<Integer> seen = new ArrayList<>();
        List<Long> doneAfterEach = new ArrayList<>();
        progress.inChunks(IntStream.range(0, 12).boxed().toList(), 5, chunk -> {
            seen.addAll(chunk);
            doneAfterEach.add(board.of(october).orElseThrow().done());
        });

        assertThat(seen).containsExactlyElementsOf(IntStream.range(0, 12).boxed().toList());
        assertThat(doneAfterEach).containsExactly(0L, 5L, 10L);
        assertThat(board.of(october).orElseThrow().done()).isEqualTo(12);
    }

    private static final class MovableClock extends Clock {
        private Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void move(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
