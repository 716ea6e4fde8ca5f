package dev.subsidy.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The accuracy targets of docs/verification.md "Measured accuracy", held on labelled months of three
 * seeds (smaller than the bench's, same mix): at least 95 % of every planted family caught, at most
 * 0.2 % of honest records flagged, and no planted parcel or sale left in the figures' totals beyond
 * what the missed 5 % could add.
 */
class AccuracyTest {

    @ParameterizedTest
    @ValueSource(longs = {1L, 20261101L, 987654321L})
    void everyFamilyIsCaughtAndHonestRecordsAreLeftAlone(long seed) {
        LabelledMonth month = new LabelledMonth(seed, 6000, 80);

        AccuracyBench.Result result = AccuracyBench.run(month);

        for (LabelledMonth.Family family : LabelledMonth.Family.values()) {
            assertThat(result.recall(family)).as(family + "\n" + result.report()).isGreaterThanOrEqualTo(0.95);
        }
        assertThat(result.honestFlaggedShare()).as(result.report()).isLessThanOrEqualTo(0.002);
        assertThat(result.honest).isGreaterThan(10_000);
    }
}
