package dev.subsidy.gateway.period;

import static org.assertj.core.api.Assertions.assertThat;

import dev.subsidy.model.Period;
import org.junit.jupiter.api.Test;

class CloseCapacityTest {

    private static final long GIB = 1L << 30;

    @Test
    void aPeriodThatFitsBesideTheGatewaysOwnNeedsIsNotRefused() {
        // 1 GiB less 150 MiB for the gateway: 874 MiB, 1,409,931 records of 650 bytes
        assertThat(CloseCapacity.refusal(Period.parse("2026-10"), 1_409_000, 650, GIB)).isEmpty();
        assertThat(CloseCapacity.refusal(Period.parse("2026-10"), 0, 650, GIB)).isEmpty();
    }

    @Test
    void tenMillionRecordsInOneGibibyteAreRefusedWithWhatTheyNeed() {
        assertThat(CloseCapacity.refusal(Period.parse("2026-10"), 10_000_000, 650, GIB)).hasValueSatisfying(reason ->
                assertThat(reason).contains("period 2026-10 holds 10,000,000 records", "about 6,198 MiB of heap",
                        "can give it 874 MiB (-Xmx1024m)", "about 6,412 MiB", "nothing was changed"));
        assertThat(CloseCapacity.refusal(Period.parse("2026-10"), 1_411_000, 650, GIB)).isPresent();
    }

    @Test
    void aCloseThatRanOutAllTheSameSaysSoAndWhatToChange() {
        assertThat(CloseCapacity.exhausted(Period.parse("2026-10"), GIB)).contains("period 2026-10 did not fit",
                "(-Xmx1024m)", "nothing was changed", "gateway.close.bytes-per-record");
    }

    @Test
    void theRecordsACloseMayReadAreWhatFitsBesideTheGateway() {
        // (1,024 - 150) MiB / 650 bytes
        assertThat(CloseCapacity.records(650, GIB)).isEqualTo(1_409_931);
        assertThat(CloseCapacity.refusal(Period.parse("2026-10"), CloseCapacity.records(650, GIB), 650, GIB)).isEmpty();
        assertThat(CloseCapacity.refusal(Period.parse("2026-10"), CloseCapacity.records(650, GIB) + 1, 650, GIB))
                .isPresent();
        assertThat(CloseCapacity.records(650, 100L << 20)).isZero();
    }

    @Test
    void aHeapSmallerThanTheGatewaysOwnNeedsRefusesAnyRecords() {
        assertThat(CloseCapacity.refusal(Period.parse("2026-10"), 1, 650, 100L << 20)).hasValueSatisfying(reason ->
                assertThat(reason).contains("can give it 0 MiB"));
    }
}
