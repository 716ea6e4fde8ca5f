package dev.subsidy.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.subsidy.model.AwardLine;
import dev.subsidy.model.Metric;
import dev.subsidy.model.Payment;
import dev.subsidy.model.SubjectType;
import java.math.BigDecimal;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The worked examples of docs/policy-readings.md, on the real policy files. */
class WorkedExamplesTest {

    @Nested
    class Example1CongjiangExpressParcels {

        private final Policy congjiang = PolicyFiles.load("congjiang.yml");

        private Evaluation parcels(String count) {
            return new Fixture()
                    .subject(SubjectType.EXPRESS_COMPANY, "91522633MA6DXXXX0X").region("522633").add()
                    .figure("91522633MA6DXXXX0X", Metric.PARCELS_OUTBOUND_LOCAL_PRODUCTS, "2026", count)
                    .evaluate(congjiang, "2026");
        }

        @Test
        void below_five_thousand_earns_nothing() {
            assertThat(parcels("4999").lines()).isEmpty();
        }

        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {
                "5000  | 5000.00  | 5000 × 1.00",
                "10000 | 10000.00 | 10000 × 1.00",
                "12000 | 13000.00 | 10000 × 1.00 + 2000 × 1.50"})
        void pays_one_yuan_up_to_ten_thousand_and_one_and_a_half_above(String count, String amount, String explanation) {
            AwardLine line = parcels(count).lines().get(0);

            assertThat(line.amount()).isEqualTo(new BigDecimal(amount));
            assertThat(line.explanation()).isEqualTo(explanation);
            assertThat(line.clause()).isEqualTo("三(二)2");
            assertThat(line.ruleId()).isEqualTo("cj-express-parcel");
            assertThat(line.basis()).singleElement().satisfies(b -> {
                assertThat(b.metric()).isEqualTo(Metric.PARCELS_OUTBOUND_LOCAL_PRODUCTS);
                assertThat(b.value()).isEqualTo(new BigDecimal(count));
            });
        }

        @Test
        void inbound_parcels_and_parcels_without_local_orders_add_nothing() {
            Evaluation e = new Fixture()
                    .subject(SubjectType.EXPRESS_COMPANY, "EXP").region("522633").add()
                    .figure("EXP", Metric.PARCELS_OUTBOUND_LOCAL_PRODUCTS, "2026", "4999")
                    .figure("EXP", Metric.PARCELS_INBOUND, "2026", "80000")
                    .figure("EXP", Metric.PARCELS_OUTBOUND, "2026", "30000")
                    .evaluate(congjiang, "2026");

            assertThat(e.lines()).isEmpty();
        }
    }

    @Test
    void example2_xinjiang_milestones_stack_and_the_next_year_pays_only_the_new_step() {
        Policy xinjiang = PolicyFiles.load("xinjiang.yml");
        Fixture f = new Fixture()
                .subject(SubjectType.MERCHANT, "M").region("360602100").attr("ecommerceCity", "true").add()
                .figure("M", Metric.SALES_NET, "2016", "17300000.00")
                .figure("M", Metric.SALES_NET, "2017", "21000000.00");

        Evaluation year1 = f.evaluate(xinjiang, "2016");
        AwardLine first = year1.lines().get(0);
        assertThat(first.amount()).isEqualByComparingTo("60000"); // 10,000 + 20,000 + 30,000
        assertThat(first.explanation())
                .isEqualTo("SALES_NET 17300000: first time ≥ 5000000, ≥ 10000000, ≥ 15000000 → 10000.00 + 20000.00 + 30000.00");
        assertThat(first.reading()).startsWith("steps stack");

        f.remember(year1);
        AwardLine second = f.evaluate(xinjiang, "2017").lines().get(0);
        assertThat(second.amount()).isEqualByComparingTo("40000"); // the 4th step, 20M, pays 4 × 10,000
        assertThat(second.explanation())
                .isEqualTo("SALES_NET 21000000: first time ≥ 20000000 → 40000.00 (passed before: up to 15000000)");
        assertThat(second.payments()).containsExactly(new Payment("20000000", new BigDecimal("40000.00")));
    }

    @Test
    void example3_anqing_attracted_cross_border_firm_is_capped() {
        Evaluation e = new Fixture()
                .subject(SubjectType.MERCHANT, "AQ").region("340802").attr("attracted", "true").category("CROSS_BORDER").add()
                .entered("AQ", Metric.INVOICED_SALES, "2018", "25000000")
                .evaluate(PolicyFiles.load("anqing.yml"), "2018");

        AwardLine line = line(e, "aq-attracted");
        assertThat(line.amount()).isEqualTo(new BigDecimal("200000.00")); // 2% of 25M = 500,000, capped
        assertThat(line.explanation()).contains("INVOICED_SALES 25000000 × 2% (category CROSS_BORDER) = 500000.00")
                .endsWith("capped at 200000.00");
    }

    @Test
    void example4_anqing_cross_border_parcels_pay_two_yuan_each() {
        Evaluation e = new Fixture()
                .subject(SubjectType.MERCHANT, "XB").region("340802").category("CROSS_BORDER").add()
                .figure("XB", Metric.PARCELS_CROSS_BORDER, "2018", "3417")
                .evaluate(PolicyFiles.load("anqing.yml"), "2018");

        AwardLine line = line(e, "aq-cross-border-parcel");
        assertThat(line.amount()).isEqualTo(new BigDecimal("6834.00"));
        assertThat(line.explanation()).isEqualTo("3417 × 2.00");
    }

    @Test
    void example5_ganzhou_highest_standard_not_stacked_across_three_years() {
        Policy ganzhou = PolicyFiles.load("ganzhou.yml");
        Fixture f = new Fixture()
                .subject(SubjectType.MERCHANT, "GZ").region("360702").add()
                .figure("GZ", Metric.SALES_NET_B2C, "2016", "40000000")
                .figure("GZ", Metric.SALES_NET_B2C, "2017", "120000000")
                .figure("GZ", Metric.SALES_NET_B2C, "2018", "130000000");

        Evaluation year1 = f.evaluate(ganzhou, "2016");
        assertThat(year1.lines()).isEmpty();

        Evaluation year2 = f.remember(year1).evaluate(ganzhou, "2017");
        AwardLine line = year2.lines().get(0);
        assertThat(line.amount()).isEqualByComparingTo("100000"); // not 50,000 + 100,000
        assertThat(line.explanation())
                .isEqualTo("SALES_NET_B2C 120000000: first time ≥ 50000000, ≥ 100000000 → highest only 100000.00");
        assertThat(line.reading()).startsWith("highest step only, not stacked");

        Evaluation year3 = f.remember(year2).evaluate(ganzhou, "2018");
        assertThat(year3.lines()).isEmpty();
        assertThat(year3.notComputable()).isEmpty();
    }

    static AwardLine line(Evaluation e, String ruleId) {
        return e.lines().stream().filter(l -> l.ruleId().equals(ruleId)).findFirst()
                .orElseThrow(() -> new AssertionError("no line for " + ruleId + " in " + e));
    }
}
