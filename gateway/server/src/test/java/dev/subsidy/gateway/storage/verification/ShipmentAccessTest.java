package dev.subsidy.gateway.storage.verification;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ShipmentAccessTest {

    private static final long DAY = 86_400_000L;

    @Test
    void aPeriodCoveringHalfTheTablesCollectionTimesOrMoreReadsTheWholeTable() {
        assertThat(ShipmentAccess.coversMost(0L, 30 * DAY - 1, 0, 31 * DAY)).as("all of it").isTrue();
        assertThat(ShipmentAccess.coversMost(0L, 60 * DAY - 1, 30 * DAY, 61 * DAY)).as("exactly half").isTrue();
        assertThat(ShipmentAccess.coversMost(0L, 60 * DAY - 1, 31 * DAY, 61 * DAY)).as("just under half").isFalse();
        assertThat(ShipmentAccess.coversMost(0L, 365 * DAY, 273 * DAY, 304 * DAY)).as("a month of a year").isFalse();
        assertThat(ShipmentAccess.coversMost(5 * DAY, 5 * DAY, 0, 31 * DAY)).as("one instant, inside").isTrue();
        assertThat(ShipmentAccess.coversMost(40 * DAY, 40 * DAY, 0, 31 * DAY)).as("one instant, outside").isFalse();
        assertThat(ShipmentAccess.coversMost(40 * DAY, 70 * DAY, 0, 31 * DAY)).as("all after the period").isFalse();
    }

    @Test
    void anEmptyTableIsSearchedAsSqlitePlansIt() {
        assertThat(ShipmentAccess.coversMost(null, null, 0, 31 * DAY)).isFalse();
    }

    @Test
    void timesAtTheEndsOfTheLongRangeDoNotOverflow() {
        assertThat(ShipmentAccess.coversMost(Long.MIN_VALUE / 2, Long.MAX_VALUE / 2, 0, DAY)).isFalse();
        assertThat(ShipmentAccess.coversMost(0L, 0L, Long.MIN_VALUE, Long.MAX_VALUE)).isTrue();
    }
}
