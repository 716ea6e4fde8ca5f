package dev.subsidy.gateway.countreports;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class ReconciliationTest {

    private final Reconciliation twoPercent = new Reconciliation(new BigDecimal("0.02"));

    @Test
    void aReportWithinTheToleranceAboveTheEvidenceIsNotFlagged() {
        Reconciliation.Outcome o = twoPercent.of(new BigDecimal("10200"), new BigDecimal("10000"), null);

        assertThat(o.difference()).isEqualByComparingTo("200");
        assertThat(o.share()).isEqualByComparingTo("0.02");
        assertThat(o.flagged()).isFalse();
        assertThat(o.reason()).isNull();
    }

    @Test
    void aReportJustOverTheToleranceIsFlaggedWithTheNumbers() {
        Reconciliation.Outcome o = twoPercent.of(new BigDecimal("10201"), new BigDecimal("10000"), null);

        assertThat(o.flagged()).isTrue();
        assertThat(o.reason()).isEqualTo("reported 10201 exceeds the verified 10000 by 201 (2.01 %), over the tolerance of 2 %");
    }

    @Test
    void aReportBelowTheEvidenceIsNeverFlagged() {
        Reconciliation.Outcome o = twoPercent.of(new BigDecimal("10.00"), new BigDecimal("500.00"), null);

        assertThat(o.difference()).isEqualByComparingTo("-490.00");
        assertThat(o.share()).isEqualByComparingTo("-0.98");
        assertThat(o.flagged()).isFalse();
    }

    @Test
    void anythingReportedWhereNothingWasVerifiedIsFlaggedWithoutAShare() {
        Reconciliation.Outcome o = twoPercent.of(new BigDecimal("5"), BigDecimal.ZERO, null);

        assertThat(o.share()).isNull();
        assertThat(o.flagged()).isTrue();
        assertThat(o.reason()).isEqualTo("reported 5 where the records verified nothing");
        assertThat(twoPercent.of(BigDecimal.ZERO, BigDecimal.ZERO, null).flagged()).isFalse();
    }

    @Test
    void aScopeThatCannotBeComputedIsListedWithItsReasonAndNotFlagged() {
        Reconciliation.Outcome o = twoPercent.of(new BigDecimal("99999"), null, "not computable for this scope: x");

        assertThat(o.verified()).isNull();
        assertThat(o.difference()).isNull();
        assertThat(o.flagged()).isFalse();
        assertThat(o.reason()).isEqualTo("not computable for this scope: x");
    }
}
