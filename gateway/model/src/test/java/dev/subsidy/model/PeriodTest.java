package dev.subsidy.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

class PeriodTest {

    @Test
    void workedExample6ACollectionAt0030OnTheFirstBelongsToNovemberThoughItIsOctoberInUtc() {
        Instant collected = OffsetDateTime.parse("2026-11-01T00:30+08:00").toInstant();
        assertThat(collected.toString()).startsWith("2026-10-31T16:30");
        assertThat(Period.monthOf(collected)).hasToString("2026-11");
        assertThat(Period.parse("2026-11").contains(collected)).isTrue();
        assertThat(Period.parse("2026-10").contains(collected)).isFalse();
        assertThat(Period.allOf(collected)).extracting(Period::toString).containsExactly("2026-11", "2026-Q4", "2026");
    }

    @Test
    void boundariesAreHalfOpenInChinaStandardTime() {
        Period q4 = Period.parse("2026-Q4");
        assertThat(q4.start()).isEqualTo(Instant.parse("2026-09-30T16:00:00Z"));
        assertThat(q4.end()).isEqualTo(Instant.parse("2026-12-31T16:00:00Z"));
        assertThat(q4.contains(q4.end())).isFalse();
        assertThat(q4.contains(q4.end().minusMillis(1))).isTrue();
        assertThat(Period.parse("2026").end()).isEqualTo(q4.end());
        assertThat(Period.parse("2024-02").lastDay()).hasToString("2024-02-29");
    }

    @Test
    void malformedPeriodsAreRefusedWithTheExpectedShape() {
        for (String bad : new String[] {"2026-13", "2026-Q5", "26-10", "2026-1", "", "2026-10-01"}) {
            assertThatThrownBy(() -> Period.parse(bad)).isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> Period.parse("2026/10")).hasMessageContaining("2026, 2026-Q4 or 2026-10");
    }

    @Test
    void theMonthOfAnInstantIsItsChinaTimeMonthOverTwoCenturies() {
        java.util.Random random = new java.util.Random(8);
        for (int n = 0; n < 100_000; n++) {
            Instant at = Instant.ofEpochMilli(Instant.parse("1991-01-01T00:00:00Z").toEpochMilli()
                    + (long) (random.nextDouble() * 6_000_000_000_000L));
            java.time.LocalDate day = at.atOffset(Period.CHINA).toLocalDate();
            assertThat(Period.monthOf(at)).as(at.toString()).isEqualTo(
                    new Period(Granularity.MONTH, day.getYear(), day.getMonthValue()));
        }
        // the last millisecond of October in China, and the first of November
        assertThat(Period.monthOf(Instant.parse("2026-10-31T15:59:59.999Z"))).hasToString("2026-10");
        assertThat(Period.monthOf(Instant.parse("2026-10-31T16:00:00Z"))).hasToString("2026-11");
    }

    @Test
    void aPeriodHoldsTheInstantsFromItsStartToBeforeItsEndNanosecondsIncluded() {
        java.util.Random random = new java.util.Random(9);
        java.util.List<Period> periods = java.util.List.of(Period.parse("2026"), Period.parse("2026-Q1"),
                Period.parse("2026-Q4"), Period.parse("2026-01"), Period.parse("2026-10"), Period.parse("2026-12"),
                Period.parse("2027-01"), Period.parse("1991-03"));
        for (int n = 0; n < 100_000; n++) {
            Instant at = Instant.ofEpochSecond(Instant.parse("1990-06-01T00:00:00Z").getEpochSecond()
                    + (long) (random.nextDouble() * 1_200_000_000L), random.nextInt(1_000_000_000));
            for (Period p : periods) {
                boolean defined = !at.isBefore(p.start()) && at.isBefore(p.end());
                assertThat(p.contains(at)).as(p + " " + at).isEqualTo(defined);
            }
        }
        for (Period p : periods) {
            assertThat(p.contains(p.start())).isTrue();
            assertThat(p.contains(p.start().minusNanos(1))).isFalse();
            assertThat(p.contains(p.end().minusNanos(1))).isTrue();
            assertThat(p.contains(p.end())).isFalse();
        }
    }
}
