package dev.subsidy.policy;

import static dev.subsidy.policy.WorkedExamplesTest.line;
import static org.assertj.core.api.Assertions.assertThat;

import dev.subsidy.model.AwardLine;
import dev.subsidy.model.Metric;
import dev.subsidy.model.Payment;
import dev.subsidy.model.SizeClass;
import dev.subsidy.model.SubjectType;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** 安庆 (anqing.yml), period 2018 unless said otherwise. */
class AnqingPolicyTest {

    private final Policy anqing = PolicyFiles.load("anqing.yml");

    private static Fixture attracted(String categoryOrNull) {
        Fixture.SubjectBuilder b = new Fixture().subject(SubjectType.MERCHANT, "AT").region("340802").attr("attracted", "true")
                .size(SizeClass.ABOVE);
        if (categoryOrNull != null) {
            b.category(categoryOrNull);
        }
        return b.add();
    }

    @Test
    void aq_attracted_pays_one_percent_of_invoiced_sales_rounded_to_the_fen() {
        Evaluation e = attracted(null)
                .entered("AT", Metric.INVOICED_SALES, "2018", "12345678.90")
                .entered("AT", Metric.ONLINE_TRANSACTIONS, "2018", "0")
                .evaluate(anqing, "2018");

        AwardLine l = line(e, "aq-attracted");
        assertThat(l.amount()).isEqualTo(new BigDecimal("123456.79")); // 123,456.789 → half up
        assertThat(l.explanation())
                .isEqualTo("INVOICED_SALES 12345678.9 ≥ 10000000; INVOICED_SALES 12345678.9 × 1% = 123456.79");
    }

    @Test
    void aq_attracted_qualifies_on_online_transactions_alone() {
        Evaluation e = attracted(null)
                .entered("AT", Metric.INVOICED_SALES, "2018", "5000000")
                .entered("AT", Metric.ONLINE_TRANSACTIONS, "2018", "150000000")
                .evaluate(anqing, "2018");

        assertThat(line(e, "aq-attracted").amount()).isEqualByComparingTo("50000.00");
    }

    @Test
    void aq_attracted_below_the_invoiced_threshold_needs_the_online_figure_to_decide() {
        Evaluation e = attracted(null)
                .entered("AT", Metric.INVOICED_SALES, "2018", "5000000")
                .evaluate(anqing, "2018");

        assertThat(e.lines()).extracting(AwardLine::ruleId).doesNotContain("aq-attracted");
        assertThat(e.notComputable()).filteredOn(n -> n.ruleId().equals("aq-attracted")).singleElement()
                .extracting(NotComputable::reason)
                .isEqualTo("because ONLINE_TRANSACTIONS of name of AT (AT) for 2018 has not been entered");
    }

    @Test
    void aq_platform_members_steps_stack_and_later_steps_pay_later() {
        Fixture f = new Fixture()
                .subject(SubjectType.MERCHANT, "PLAT").region("340803").attr("thirdPartyPlatform", "true").add()
                .entered("PLAT", Metric.PLATFORM_MEMBERS, "2018", "1200")
                .entered("PLAT", Metric.PLATFORM_MEMBERS, "2019", "2500");

        Evaluation year1 = f.evaluate(anqing, "2018");
        assertThat(line(year1, "aq-platform-members").amount()).isEqualByComparingTo("150000.00"); // 5万 + 10万
        assertThat(line(f.remember(year1).evaluate(anqing, "2019"), "aq-platform-members").amount())
                .isEqualByComparingTo("150000.00"); // the 2000 step: 15万
    }

    @Test
    void aq_small_firm_passes_steps_on_either_figure_and_doubles_for_cross_border_firms() {
        Evaluation e = new Fixture()
                .subject(SubjectType.MERCHANT, "SMALL").region("340811").size(SizeClass.BELOW).category("CROSS_BORDER").add()
                .entered("SMALL", Metric.INVOICED_SALES, "2018", "6000000")
                .entered("SMALL", Metric.ONLINE_TRANSACTIONS, "2018", "12000000")
                .evaluate(anqing, "2018");

        AwardLine l = line(e, "aq-small-firm");
        assertThat(l.amount()).isEqualByComparingTo("140000.00"); // (2万 + 5万) × 2
        assertThat(l.explanation()).isEqualTo("ONLINE_TRANSACTIONS 12000000, INVOICED_SALES 6000000: first time"
                + " INVOICED_SALES ≥ 2000000, INVOICED_SALES ≥ 5000000 → 20000.00 + 50000.00 × 2 (category CROSS_BORDER)"
                + " = 140000.00");
    }

    @Test
    void aq_small_firm_cannot_tell_the_next_step_without_both_figures() {
        Evaluation e = new Fixture()
                .subject(SubjectType.MERCHANT, "SMALL").region("340811").size(SizeClass.BELOW).attr("attracted", "false")
                .attr("thirdPartyPlatform", "false").attr("graduationYear", "none").add()
                .entered("SMALL", Metric.INVOICED_SALES, "2018", "6000000")
                .evaluate(anqing, "2018");

        assertThat(e.lines()).isEmpty();
        assertThat(e.notComputable()).extracting(NotComputable::ruleId).containsExactly("aq-small-firm");
    }

    @Test
    void aq_large_firm_pays_the_above_threshold_ladder_and_needs_the_size_class() {
        Evaluation e = new Fixture()
                .subject(SubjectType.MERCHANT, "LARGE").region("340802").size(SizeClass.ABOVE).attr("attracted", "false")
                .attr("thirdPartyPlatform", "false").attr("graduationYear", "none").add()
                .subject(SubjectType.MERCHANT, "UNSURE").region("340802").size(null).attr("attracted", "false")
                .attr("thirdPartyPlatform", "false").attr("graduationYear", "none").add()
                .entered("LARGE", Metric.ONLINE_TRANSACTIONS, "2018", "60000000")
                .entered("UNSURE", Metric.ONLINE_TRANSACTIONS, "2018", "60000000")
                .entered("UNSURE", Metric.INVOICED_SALES, "2018", "0")
                .evaluate(anqing, "2018");

        assertThat(line(e, "aq-large-firm").amount()).isEqualByComparingTo("300000.00"); // 10万 + 20万
        assertThat(e.notComputable()).filteredOn(n -> "UNSURE".equals(n.subjectId()))
                .extracting(NotComputable::ruleId).containsExactlyInAnyOrder("aq-small-firm", "aq-large-firm");
        assertThat(e.notComputable()).allSatisfy(n -> assertThat(n.reason()).contains("no size class"));
    }

    @Test
    void aq_rural_pays_two_percent_from_half_a_million() {
        Evaluation e = new Fixture()
                .subject(SubjectType.STATION, "ST").region("340822").add()
                .subject(SubjectType.STATION, "LOW").region("340822").add()
                .figure("ST", Metric.SALES_NET, "2018", "800000")
                .figure("LOW", Metric.SALES_NET, "2018", "499999.99")
                .evaluate(anqing, "2018");

        assertThat(e.lines()).singleElement().satisfies(l -> {
            assertThat(l.ruleId()).isEqualTo("aq-rural");
            assertThat(l.amount()).isEqualByComparingTo("16000.00");
        });
    }

    @Test
    void aq_park_tenant_pays_the_operator_five_thousand_per_qualifying_tenant() {
        Evaluation e = new Fixture()
                .subject(SubjectType.MERCHANT, "PARK").region("340802").attr("parkOperator", "true").add()
                .subject(SubjectType.MERCHANT, "T1").region("340802").attr("park", "PARK").attr("rentConcession", "true").add()
                .subject(SubjectType.MERCHANT, "T2").region("340802").attr("park", "PARK").attr("rentConcession", "true").add()
                .subject(SubjectType.MERCHANT, "T3").region("340802").attr("park", "PARK").attr("rentConcession", "true").add()
                .subject(SubjectType.MERCHANT, "T4").region("340802").attr("park", "PARK").add()
                .figure("T1", Metric.SALES_NET, "2018", "1200000")
                .figure("T2", Metric.PARCELS_SHIPPED, "2018", "30000")
                .figure("T3", Metric.SALES_NET, "2018", "10000")
                .figure("T4", Metric.SALES_NET, "2018", "5000000")
                .evaluate(anqing, "2018");

        AwardLine l = line(e, "aq-park-tenant");
        assertThat(l.amount()).isEqualByComparingTo("10000.00"); // T1 and T2; T3 unknown (staff), T4 no rent concession
        assertThat(l.payments()).extracting(Payment::key).containsExactly("T1", "T2");
        assertThat(l.explanation()).isEqualTo("name of T1 (T1): SALES_NET 1200000 ≥ 1000000 → 5000.00;"
                + " name of T2 (T2): PARCELS_SHIPPED 30000 ≥ 30000 → 5000.00; total 10000.00");
        assertThat(e.notComputable()).filteredOn(n -> n.ruleId().equals("aq-park-tenant")).singleElement()
                .satisfies(n -> assertThat(n.reason()).contains("member name of T3 (T3)").contains("INSURED_STAFF"));
    }

    @Test
    void aq_training_pays_each_trainee_its_higher_subsidy_once() {
        Fixture f = new Fixture()
                .subject(SubjectType.MERCHANT, "TR").region("340802").attr("trainer", "true").add()
                .subject(SubjectType.MERCHANT, "A").attr("trainedBy", "TR").attr("parkTenant", "false").add()
                .subject(SubjectType.MERCHANT, "B").attr("trainedBy", "TR").attr("parkTenant", "true").add()
                .subject(SubjectType.MERCHANT, "C").attr("trainedBy", "TR").attr("parkTenant", "false").add()
                .figure("A", Metric.SALES_NET, "2018", "25000")
                .figure("B", Metric.SALES_NET, "2018", "1500000")
                .figure("C", Metric.SALES_NET, "2018", "50000");
        for (String month : new String[] {"2018-03", "2018-04", "2018-05"}) {
            f.figure("A", Metric.ORDERS, month, "4").figure("B", Metric.ORDERS, month, "90");
        }
        f.figure("C", Metric.ORDERS, "2018-03", "9").figure("C", Metric.ORDERS, "2018-04", "9").figure("C", Metric.ORDERS, "2018-06", "9");

        Evaluation year1 = f.evaluate(anqing, "2018");
        AwardLine l = line(year1, "aq-training");
        assertThat(l.amount()).isEqualByComparingTo("2600.00"); // A 1000; B 1600, not 1000 + 1600; C no three months running
        assertThat(l.payments()).containsExactly(new Payment("A", new BigDecimal("1000.00")), new Payment("B", new BigDecimal("1600.00")));

        f.figure("A", Metric.SALES_NET, "2019", "90000");
        for (String month : new String[] {"2019-01", "2019-02", "2019-03"}) {
            f.figure("A", Metric.ORDERS, month, "4");
        }
        assertThat(f.remember(year1).evaluate(anqing, "2019").lines()).isEmpty(); // A was paid for in 2018
    }

    @Test
    void aq_graduate_pays_a_founder_within_five_years_of_graduating_once() {
        Evaluation e = new Fixture()
                .subject(SubjectType.MERCHANT, "GRAD").region("340802").registeredOn("2018-03-01").attr("graduationYear", "2015").add()
                .subject(SubjectType.MERCHANT, "OLDGRAD").region("340802").registeredOn("2018-03-01").attr("graduationYear", "2010").add()
                .figure("GRAD", Metric.PARCELS_SHIPPED, "2018", "30000")
                .figure("OLDGRAD", Metric.PARCELS_SHIPPED, "2018", "30000")
                .evaluate(anqing, "2018");

        assertThat(e.lines()).singleElement().satisfies(l -> {
            assertThat(l.ruleId()).isEqualTo("aq-graduate");
            assertThat(l.subject().id()).isEqualTo("GRAD");
            assertThat(l.amount()).isEqualByComparingTo("20000.00");
            assertThat(l.explanation()).isEqualTo("PARCELS_SHIPPED 30000 ≥ 30000 → 20000.00");
        });
    }

    @Test
    void aq_no_double_withholds_a_rule_the_subject_was_funded_for_elsewhere_and_only_that_rule() {
        Evaluation e = new Fixture()
                .subject(SubjectType.MERCHANT, "GRAD").region("340802").registeredOn("2018-03-01").attr("graduationYear", "2015")
                .category("CROSS_BORDER").attr("fundedElsewhere", "aq-graduate").add()
                .figure("GRAD", Metric.PARCELS_SHIPPED, "2018", "30000")
                .figure("GRAD", Metric.PARCELS_CROSS_BORDER, "2018", "100")
                .evaluate(anqing, "2018");

        assertThat(e.lines()).extracting(AwardLine::ruleId).containsExactly("aq-cross-border-parcel");
    }
}
