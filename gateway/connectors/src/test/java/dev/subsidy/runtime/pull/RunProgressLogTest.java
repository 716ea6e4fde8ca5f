package dev.subsidy.runtime.pull;

import static org.assertj.core.api.Assertions.assertThat;

import dev.subsidy.connector.api.Checkpoint;
import dev.subsidy.intake.IntakeReceipt;
import dev.subsidy.runtime.RunTally;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The log lines of a long pull run: one per page from the second on, with the records so far. */
class RunProgressLogTest {

    @Test
    void aRunOfOnePageLogsNothingAndEachFurtherPageSaysWhereTheRunStands() {
        RunTally tally = new RunTally(Instant.parse("2026-11-03T02:00:00Z"));
        tally.add(new IntakeReceipt("b1", 1_000, 200, List.of(new IntakeReceipt.Rejected(0, "bad"))));
        assertThat(RunProgressLog.line("tmall-shop", tally, Checkpoint.of("page", "2"))).isNull();

        tally.add(new IntakeReceipt("b2", 1_000, 0, List.of()));
        assertThat(RunProgressLog.line("tmall-shop", tally, Checkpoint.of("window_end", "2026-10-02T00:00:00Z")))
                .isEqualTo("connector tmall-shop: page 2 of this run stored, 2,201 records so far (2,000 accepted,"
                        + " 200 duplicates, 1 rejected), now at {window_end=2026-10-02T00:00:00Z}");
    }
}
