package dev.subsidy.gateway.period;

import static org.assertj.core.api.Assertions.assertThat;

import dev.subsidy.model.Period;
import org.junit.jupiter.api.Test;

class CloseCapacityTest {

    private static final long GIB = 1L << 30;

    @Test
    void aCloseThatRanOutAllTheSameSaysSoAndWhatToChange() {
        assertThat(CloseCapacity.exhausted(Period.parse("2026-10"), GIB)).contains("period 2026-10 did not fit",
                "(-Xmx1024m)", "nothing was changed", "gateway.close.bytes-per-record");
    }

    @Test
    void theRecordsACloseMayHoldAreWhatFitsBesideTheGateway() {
        // (1,024 - 150) MiB / 650 bytes
        assertThat(CloseCapacity.records(650, GIB)).isEqualTo(1_409_931);
        assertThat(CloseCapacity.records(650, 100L << 20)).isZero();
    }

    @Test
    void aPeriodWhoseOrdersAloneAreMoreThanTheHeapHoldsSaysSo() {
        assertThat(CloseCapacity.tooManyOrders(Period.parse("2026-10"), 1_409_931, GIB)).contains(
                "period 2026-10 needs more than 1,409,931 orders", "a slice at a time", "(-Xmx1024m)",
                "Nothing was changed", "larger -Xmx");
    }
}
