package dev.subsidy.gateway.awards;

import static org.assertj.core.api.Assertions.assertThat;

import dev.subsidy.model.SubjectRef;
import dev.subsidy.model.SubjectType;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A published line the current figures no longer earn is revised to 0.00, once. */
class WithdrawalsTest {

    private static PublishedAwardLine line(String awardId, String rule, String amount) {
        return new PublishedAwardLine(awardId, rule, "四(五)", new SubjectRef(SubjectType.MERCHANT, "m1", "某网店"), "2015", amount, "CNY",
                1, List.of(new PublishedAwardLine.Basis("m1/SALES_NET/2015", "SALES_NET", "5000000.00", 1)),
                "5000000 step: 10000", "steps stack");
    }

    @Test
    void aLineNoLongerComputedIsWithdrawnAtZeroWithoutBasis() {
        PublishedAwardLine published = line("a1", "xj-sales-milestone", "10000.00");

        List<PublishedAwardLine> all = Withdrawals.complete(List.of(), List.of(published), Set.of("xj-sales-milestone"));

        assertThat(all).singleElement().satisfies(w -> {
            assertThat(w.awardId()).isEqualTo("a1");
            assertThat(w.amount()).isEqualTo("0.00");
            assertThat(w.basis()).isEmpty();
            assertThat(w.explanation()).isEqualTo(
                    "withdrawn: the current figures no longer earn it (revision 1 paid 10000.00: 5000000 step: 10000)");
        });
    }

    @Test
    void closingAgainRepeatsTheWithdrawalUnchangedSoNoNewRevisionIsPublished() {
        PublishedAwardLine withdrawn = Withdrawals.complete(List.of(), List.of(line("a1", "xj-sales-milestone", "10000.00")),
                Set.of("xj-sales-milestone")).get(0).withRevision(2);

        assertThat(Withdrawals.complete(List.of(), List.of(withdrawn), Set.of("xj-sales-milestone")))
                .containsExactly(withdrawn);
    }

    @Test
    void computedLinesAndLinesOfRulesNoLongerConfiguredAreLeftAlone() {
        PublishedAwardLine computed = line("a1", "xj-sales-milestone", "30000.00");
        PublishedAwardLine otherPolicy = line("b1", "cj-shop", "20000.00");

        assertThat(Withdrawals.complete(List.of(computed), List.of(line("a1", "xj-sales-milestone", "60000.00"), otherPolicy),
                Set.of("xj-sales-milestone"))).containsExactly(computed);
    }
}
