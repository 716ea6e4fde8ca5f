package dev.subsidy.policy;

import static dev.subsidy.policy.WorkedExamplesTest.line;
import static org.assertj.core.api.Assertions.assertThat;

import dev.subsidy.model.AwardLine;
import dev.subsidy.model.Metric;
import dev.subsidy.model.Payment;
import dev.subsidy.model.PriorAward;
import dev.subsidy.model.SubjectType;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** 赣州 (ganzhou.yml): channel ladders, the agricultural factor, gz-no-double. */
class GanzhouPolicyTest {

    private final Policy ganzhou = PolicyFiles.load("ganzhou.yml");

    @Test
    void gz_b2b_pays_the_highest_of_the_steps_first_passed() {
        Evaluation e = new Fixture()
                .subject(SubjectType.MERCHANT, "B2B").region("360702").add()
                .figure("B2B", Metric.SALES_NET_B2B, "2016", "600000000")
                .evaluate(ganzhou, "2016");

        AwardLine l = line(e, "gz-b2b");
        assertThat(l.amount()).isEqualByComparingTo("100000.00"); // 1亿 and 5亿 passed: 10万, not 5万 + 10万
        assertThat(l.payments()).containsExactly(new Payment("500000000", new BigDecimal("100000.00")));
    }

    @Test
    void gz_c2c_pays_fifty_thousand_at_twenty_million() {
        Evaluation e = new Fixture()
                .subject(SubjectType.MERCHANT, "C2C").region("360702").add()
                .figure("C2C", Metric.SALES_NET_C2C, "2016", "25000000")
                .evaluate(ganzhou, "2016");

        assertThat(line(e, "gz-c2c").amount()).isEqualByComparingTo("50000.00");
    }

    @Test
    void gz_agri_lowers_the_thresholds_by_the_configured_factor() {
        Evaluation e = new Fixture()
                .subject(SubjectType.MERCHANT, "ORANGE").region("360722").category("AGRICULTURAL").add()
                .subject(SubjectType.MERCHANT, "PLAIN").region("360722").add()
                .figure("ORANGE", Metric.SALES_NET_AGRICULTURAL, "2016", "30000000")
                .figure("PLAIN", Metric.SALES_NET_AGRICULTURAL, "2016", "30000000")
                .evaluate(ganzhou, "2016");

        // 50M × 0.5 = 25M passed; 100M × 0.5 = 50M not
        assertThat(e.lines()).singleElement().satisfies(l -> {
            assertThat(l.ruleId()).isEqualTo("gz-agri");
            assertThat(l.subject().id()).isEqualTo("ORANGE");
            assertThat(l.amount()).isEqualByComparingTo("50000.00");
            assertThat(l.explanation()).isEqualTo("SALES_NET_AGRICULTURAL 30000000: first time ≥ 25000000 (50000000 × 0.5) → 50000.00");
            assertThat(l.reading()).contains("thresholds lowered by the configured factor 0.5");
            assertThat(l.payments()).extracting(Payment::key).containsExactly("50000000"); // the step as written
        });
    }

    @Test
    void gz_no_double_pays_only_the_highest_ladder_and_remembers_the_other_step_as_passed() {
        Fixture f = new Fixture()
                .subject(SubjectType.MERCHANT, "BOTH").region("360702").add()
                .figure("BOTH", Metric.SALES_NET_B2C, "2016", "120000000")
                .figure("BOTH", Metric.SALES_NET_C2C, "2016", "15000000")
                .figure("BOTH", Metric.SALES_NET_C2C, "2017", "15000000");

        Evaluation year1 = f.evaluate(ganzhou, "2016");
        assertThat(year1.lines()).singleElement().satisfies(l -> {
            assertThat(l.ruleId()).isEqualTo("gz-b2c");
            assertThat(l.amount()).isEqualByComparingTo("100000.00");
            assertThat(l.explanation()).endsWith("; not stacked with gz-c2c 20000.00");
            assertThat(l.reading()).contains("only the highest of gz-b2b, gz-b2c, gz-c2c, gz-agri applies (gz-no-double, 四(五)3)");
        });
        assertThat(year1.superseded()).singleElement().extracting(AwardLine::ruleId).isEqualTo("gz-c2c");
        assertThat(year1.toRemember()).contains(new PriorAward("ganzhou-2015", "gz-c2c", "BOTH", "2016", "10000000",
                new BigDecimal("0.00")));

        assertThat(f.remember(year1).evaluate(ganzhou, "2017").lines()).isEmpty(); // 1000万 was passed in 2016
    }

    @Test
    void gz_no_double_removes_eligibility_in_a_year_of_fraud_only() {
        Fixture f = new Fixture()
                .subject(SubjectType.MERCHANT, "BAD").region("360702").attr("misconductYears", "2015, 2017").add()
                .figure("BAD", Metric.SALES_NET_B2C, "2017", "60000000")
                .figure("BAD", Metric.SALES_NET_B2C, "2018", "60000000");

        assertThat(f.evaluate(ganzhou, "2017").lines()).isEmpty();
        assertThat(line(f.evaluate(ganzhou, "2018"), "gz-b2c").amount()).isEqualByComparingTo("50000.00");
    }

    @Test
    void a_merchant_registered_elsewhere_with_its_settlement_centre_in_ganzhou_is_eligible() {
        Evaluation e = new Fixture()
                .subject(SubjectType.MERCHANT, "HQ").region("440100").attr("hqInJurisdiction", "true").add()
                .subject(SubjectType.MERCHANT, "AWAY").region("440100").add()
                .figure("HQ", Metric.SALES_NET_B2C, "2016", "50000000")
                .figure("AWAY", Metric.SALES_NET_B2C, "2016", "50000000")
                .evaluate(ganzhou, "2016");

        assertThat(e.lines()).extracting(l -> l.subject().id()).containsExactly("HQ");
    }
}
