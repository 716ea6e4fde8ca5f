package dev.subsidy.policy;

import static dev.subsidy.policy.WorkedExamplesTest.line;
import static org.assertj.core.api.Assertions.assertThat;

import dev.subsidy.model.Metric;
import dev.subsidy.model.Payment;
import dev.subsidy.model.SubjectType;
import org.junit.jupiter.api.Test;

/** 信江新区 (xinjiang.yml): towns 360602007 and 360602100; valid 2015–2017. */
class XinjiangPolicyTest {

    private final Policy xinjiang = PolicyFiles.load("xinjiang.yml");

    @Test
    void xj_express_parcel_pays_one_yuan_per_local_e_commerce_parcel_to_tax_registered_firms_only() {
        Evaluation e = new Fixture()
                .subject(SubjectType.EXPRESS_COMPANY, "PAYS").region("360602100").add()
                .subject(SubjectType.EXPRESS_COMPANY, "UNTAXED").region("360602100").tax(false).add()
                .figure("PAYS", Metric.PARCELS_OUTBOUND_ECOMMERCE, "2016", "1234")
                .figure("UNTAXED", Metric.PARCELS_OUTBOUND_ECOMMERCE, "2016", "5000")
                .evaluate(xinjiang, "2016");

        assertThat(e.lines()).singleElement().satisfies(l -> {
            assertThat(l.subject().id()).isEqualTo("PAYS");
            assertThat(l.amount()).isEqualByComparingTo("1234.00");
            assertThat(l.explanation()).isEqualTo("1234 × 1.00");
        });
    }

    @Test
    void xj_logistics_hq_pays_eighty_thousand_after_six_months_with_two_million_revenue() {
        Fixture f = new Fixture()
                .subject(SubjectType.EXPRESS_COMPANY, "HQ").region("360602007").registeredOn("2016-07-01").attr("regionalHq", "true").add()
                .subject(SubjectType.EXPRESS_COMPANY, "LATE").region("360602007").registeredOn("2016-07-02").attr("regionalHq", "true").add()
                .entered("HQ", Metric.OPERATING_REVENUE, "2016", "2000000")
                .entered("LATE", Metric.OPERATING_REVENUE, "2016", "9000000")
                .entered("HQ", Metric.OPERATING_REVENUE, "2017", "3000000");

        Evaluation year1 = f.evaluate(xinjiang, "2016");
        assertThat(year1.lines()).singleElement().satisfies(l -> {
            assertThat(l.ruleId()).isEqualTo("xj-logistics-hq");
            assertThat(l.subject().id()).isEqualTo("HQ"); // 1 July to 31 December is six months; 2 July is not
            assertThat(l.amount()).isEqualByComparingTo("80000.00");
            assertThat(l.explanation()).isEqualTo("OPERATING_REVENUE 2000000 ≥ 2000000 → 80000.00");
        });
        assertThat(f.remember(year1).evaluate(xinjiang, "2017").lines()).isEmpty(); // one-off
    }

    @Test
    void xj_logistics_hq_without_entered_revenue_is_listed_as_not_computable() {
        Evaluation e = new Fixture()
                .subject(SubjectType.EXPRESS_COMPANY, "HQ").name("鹰潭物流").region("360602007").attr("regionalHq", "true").add()
                .evaluate(xinjiang, "2016");

        assertThat(e.notComputable()).singleElement().satisfies(n -> {
            assertThat(n.ruleId()).isEqualTo("xj-logistics-hq");
            assertThat(n.reason()).isEqualTo("because OPERATING_REVENUE of 鹰潭物流 (HQ) for 2016 has not been entered");
        });
    }

    @Test
    void xj_sales_milestone_and_so_on_pays_n_times_ten_thousand_for_the_nth_step() {
        Evaluation e = new Fixture()
                .subject(SubjectType.MERCHANT, "BIG").region("360602100").attr("ecommerceCity", "true").add()
                .subject(SubjectType.MERCHANT, "OUTSIDE").region("360602100").add()
                .figure("BIG", Metric.SALES_NET, "2015", "31000000")
                .figure("OUTSIDE", Metric.SALES_NET, "2015", "31000000")
                .evaluate(xinjiang, "2015");

        // 5M … 30M: 10,000 + 20,000 + 30,000 + 40,000 + 50,000 + 60,000
        assertThat(e.lines()).singleElement().satisfies(l -> {
            assertThat(l.subject().id()).isEqualTo("BIG");
            assertThat(l.amount()).isEqualByComparingTo("210000.00");
            assertThat(l.payments()).extracting(Payment::key)
                    .containsExactly("5000000", "10000000", "15000000", "20000000", "25000000", "30000000");
        });
    }

    @Test
    void xj_bakery_pays_twenty_thousand_the_first_time_bakery_sales_pass_five_million() {
        Fixture f = new Fixture()
                .subject(SubjectType.MERCHANT, "BAKE").region("360602100").category("BAKERY").add()
                .figure("BAKE", Metric.SALES_NET_BAKERY, "2016", "5000000")
                .figure("BAKE", Metric.SALES_NET_BAKERY, "2017", "9000000");

        Evaluation year1 = f.evaluate(xinjiang, "2016");
        assertThat(line(year1, "xj-bakery").amount()).isEqualByComparingTo("20000.00");
        assertThat(f.remember(year1).evaluate(xinjiang, "2017").lines()).isEmpty();
    }

    @Test
    void xj_small_shop_pays_a_shop_registered_this_year_that_operated_six_months() {
        Evaluation e = new Fixture()
                .subject(SubjectType.MERCHANT, "NEW").region("360602100").registeredOn("2016-03-01").add()
                .subject(SubjectType.MERCHANT, "OLD").region("360602100").registeredOn("2015-03-01").add()
                .subject(SubjectType.MERCHANT, "YOUNG").region("360602100").registeredOn("2016-08-01").add()
                .figure("NEW", Metric.SALES_NET, "2016", "200000")
                .figure("OLD", Metric.SALES_NET, "2016", "900000")
                .figure("YOUNG", Metric.SALES_NET, "2016", "900000")
                .evaluate(xinjiang, "2016");

        assertThat(e.lines()).singleElement().satisfies(l -> {
            assertThat(l.ruleId()).isEqualTo("xj-small-shop");
            assertThat(l.subject().id()).isEqualTo("NEW");
            assertThat(l.amount()).isEqualByComparingTo("2500.00");
        });
    }

    @Test
    void nothing_is_paid_after_the_three_years() {
        Evaluation e = new Fixture()
                .subject(SubjectType.EXPRESS_COMPANY, "EXP").region("360602100").add()
                .figure("EXP", Metric.PARCELS_OUTBOUND_ECOMMERCE, "2018", "9000")
                .evaluate(xinjiang, "2018");

        assertThat(e.lines()).isEmpty();
        assertThat(e.notComputable()).singleElement().extracting(NotComputable::reason)
                .isEqualTo("because period 2018 lies outside the policy's validity (2015-01-01 to 2017-12-31)");
    }
}
