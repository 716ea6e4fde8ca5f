package dev.subsidy.policy;

import static dev.subsidy.policy.WorkedExamplesTest.line;
import static org.assertj.core.api.Assertions.assertThat;

import dev.subsidy.model.AwardLine;
import dev.subsidy.model.Basis;
import dev.subsidy.model.Figure;
import dev.subsidy.model.Metric;
import dev.subsidy.model.SubjectType;
import org.junit.jupiter.api.Test;

/** 从江县 (congjiang.yml): cj-express-parcel, cj-shop, validity. */
class CongjiangPolicyTest {

    private final Policy congjiang = PolicyFiles.load("congjiang.yml");

    @Test
    void cj_express_parcel_pays_a_firm_registered_elsewhere_that_runs_a_sorting_centre_in_the_county() {
        Evaluation e = new Fixture()
                .subject(SubjectType.EXPRESS_COMPANY, "HUB").region("520100").tax(false).attr("regionalHub", "true").add()
                .subject(SubjectType.EXPRESS_COMPANY, "FAR").region("520100").add()
                .figure("HUB", Metric.PARCELS_OUTBOUND_LOCAL_PRODUCTS, "2026", "7300")
                .figure("FAR", Metric.PARCELS_OUTBOUND_LOCAL_PRODUCTS, "2026", "9000")
                .evaluate(congjiang, "2026");

        assertThat(e.lines()).singleElement().satisfies(l -> {
            assertThat(l.subject().id()).isEqualTo("HUB");
            assertThat(l.amount()).isEqualByComparingTo("7300.00");
        });
    }

    @Test
    void cj_express_parcel_with_unknown_tax_status_is_not_computable_rather_than_refused() {
        Evaluation e = new Fixture()
                .subject(SubjectType.EXPRESS_COMPANY, "EXP").region("522633").tax(null).add()
                .figure("EXP", Metric.PARCELS_OUTBOUND_LOCAL_PRODUCTS, "2026", "6000")
                .evaluate(congjiang, "2026");

        assertThat(e.lines()).isEmpty();
        assertThat(e.notComputable()).singleElement().satisfies(n -> {
            assertThat(n.ruleId()).isEqualTo("cj-express-parcel");
            assertThat(n.subjectId()).isEqualTo("EXP");
            assertThat(n.reason()).startsWith("because").contains("tax registered");
        });
    }

    @Test
    void cj_shop_pays_twenty_thousand_once_at_a_thousand_orders_and_two_hundred_thousand_revenue() {
        Fixture f = new Fixture()
                .subject(SubjectType.MERCHANT, "SHOP").region("522633101").add()
                .subject(SubjectType.MERCHANT, "SMALL").region("522633").add()
                .figure("SHOP", Metric.ORDERS, "2026", "1000")
                .figure("SHOP", Metric.SALES_NET, "2026", "200000.00")
                .figure("SMALL", Metric.ORDERS, "2026", "999")
                .figure("SMALL", Metric.SALES_NET, "2026", "900000.00")
                .figure("SHOP", Metric.ORDERS, "2027", "3000")
                .figure("SHOP", Metric.SALES_NET, "2027", "800000.00");

        Evaluation year1 = f.evaluate(congjiang, "2026");
        AwardLine shop = line(year1, "cj-shop");
        assertThat(year1.lines()).hasSize(1);
        assertThat(shop.amount()).isEqualByComparingTo("20000.00");
        assertThat(shop.explanation()).isEqualTo("ORDERS 1000 ≥ 1000 and SALES_NET 200000 ≥ 200000 → 20000.00");

        assertThat(f.remember(year1).evaluate(congjiang, "2027").lines()).isEmpty(); // one-off
    }

    @Test
    void a_period_before_the_trial_began_is_outside_validity() {
        Evaluation e = new Fixture()
                .subject(SubjectType.MERCHANT, "SHOP").region("522633").add()
                .figure("SHOP", Metric.ORDERS, "2014", "5000")
                .figure("SHOP", Metric.SALES_NET, "2014", "500000")
                .evaluate(congjiang, "2014");

        assertThat(e.lines()).isEmpty();
        assertThat(e.notComputable()).singleElement().satisfies(n -> {
            assertThat(n.ruleId()).isNull();
            assertThat(n.reason()).isEqualTo("because period 2014 lies outside the policy's validity (2015-11-01 on)");
        });
    }

    @Test
    void annual_rules_are_not_evaluated_for_a_month() {
        Evaluation e = new Fixture()
                .subject(SubjectType.EXPRESS_COMPANY, "EXP").region("522633").add()
                .figure("EXP", Metric.PARCELS_OUTBOUND_LOCAL_PRODUCTS, "2026-10", "12000")
                .evaluate(congjiang, "2026-10");

        assertThat(e.lines()).isEmpty();
        assertThat(e.notComputable()).isEmpty();
    }

    @Test
    void the_award_id_is_stable_for_policy_rule_subject_and_period_and_the_revision_used_is_the_highest() {
        Fixture f = new Fixture().subject(SubjectType.EXPRESS_COMPANY, "EXP").region("522633").add()
                .figure("EXP", Metric.PARCELS_OUTBOUND_LOCAL_PRODUCTS, "2026", "6000");
        AwardLine first = f.evaluate(congjiang, "2026").lines().get(0);
        f.figures.add(new Figure("EXP:PARCELS_OUTBOUND_LOCAL_PRODUCTS:2026", "EXP", Metric.PARCELS_OUTBOUND_LOCAL_PRODUCTS,
                "2026", new java.math.BigDecimal("6500"), 2));
        AwardLine revised = f.evaluate(congjiang, "2026").lines().get(0);

        assertThat(revised.awardId()).isEqualTo(first.awardId());
        assertThat(revised.amount()).isEqualByComparingTo("6500.00");
        assertThat(revised.basis()).singleElement().extracting(Basis::revision).isEqualTo(2);
    }
}
