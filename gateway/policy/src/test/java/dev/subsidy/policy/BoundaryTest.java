package dev.subsidy.policy;

import static dev.subsidy.policy.WorkedExamplesTest.line;
import static org.assertj.core.api.Assertions.assertThat;

import dev.subsidy.model.AwardLine;
import dev.subsidy.model.Metric;
import dev.subsidy.model.PriorAward;
import dev.subsidy.model.SizeClass;
import dev.subsidy.model.SubjectType;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every threshold, on both sides; every cap, reached exactly and passed. */
class BoundaryTest {

    private static BigDecimal amountOrZero(Evaluation e, String ruleId) {
        return e.lines().stream().filter(l -> l.ruleId().equals(ruleId)).map(AwardLine::amount).findFirst()
                .orElse(BigDecimal.ZERO);
    }

    @ParameterizedTest(name = "{0} parcels → {1}")
    @CsvSource({"0, 0", "1, 0", "4999, 0", "5000, 5000.00", "5001, 5001.00", "9999, 9999.00", "10000, 10000.00",
            "10001, 10001.50", "10002, 10003.00", "20000, 25000.00"})
    void congjiang_parcels_at_every_edge(String parcels, String amount) {
        Evaluation e = new Fixture()
                .subject(SubjectType.EXPRESS_COMPANY, "EXP").region("522633").add()
                .figure("EXP", Metric.PARCELS_OUTBOUND_LOCAL_PRODUCTS, "2026", parcels)
                .evaluate(PolicyFiles.load("congjiang.yml"), "2026");

        assertThat(amountOrZero(e, "cj-express-parcel")).isEqualByComparingTo(amount);
    }

    @Test
    void the_first_parcel_above_ten_thousand_is_explained_at_the_higher_rate() {
        Evaluation e = new Fixture()
                .subject(SubjectType.EXPRESS_COMPANY, "EXP").region("522633").add()
                .figure("EXP", Metric.PARCELS_OUTBOUND_LOCAL_PRODUCTS, "2026", "10001")
                .evaluate(PolicyFiles.load("congjiang.yml"), "2026");

        assertThat(line(e, "cj-express-parcel").explanation()).isEqualTo("10000 × 1.00 + 1 × 1.50");
    }

    @ParameterizedTest(name = "sales {0} → {1}")
    @CsvSource({"4999999.99, 0", "5000000, 10000.00", "9999999.99, 10000.00", "10000000, 30000.00",
            "15000000, 60000.00", "19999999.99, 60000.00", "20000000, 100000.00"})
    void xinjiang_milestones_at_every_step(String sales, String amount) {
        Evaluation e = new Fixture()
                .subject(SubjectType.MERCHANT, "M").region("360602100").attr("ecommerceCity", "true").add()
                .figure("M", Metric.SALES_NET, "2016", sales)
                .evaluate(PolicyFiles.load("xinjiang.yml"), "2016");

        assertThat(amountOrZero(e, "xj-sales-milestone")).isEqualByComparingTo(amount);
    }

    @ParameterizedTest(name = "B2C {0} → {1}")
    @CsvSource({"49999999.99, 0", "50000000, 50000.00", "99999999.99, 50000.00", "100000000, 100000.00",
            "500000000, 200000.00"})
    void ganzhou_b2c_at_every_step(String sales, String amount) {
        Evaluation e = new Fixture()
                .subject(SubjectType.MERCHANT, "M").region("360702").add()
                .figure("M", Metric.SALES_NET_B2C, "2016", sales)
                .evaluate(PolicyFiles.load("ganzhou.yml"), "2016");

        assertThat(amountOrZero(e, "gz-b2c")).isEqualByComparingTo(amount);
    }

    @ParameterizedTest(name = "invoiced {0}, cross-border {1} → {2}")
    @CsvSource({
            "9999999.99, false, 0",           // below 1000万 and no online figure qualifies
            "10000000, false, 100000.00",     // 1%
            "10000000, true, 200000.00",      // 2% = the cap exactly
            "20000000, false, 200000.00",     // 1% = the cap exactly
            "20000000.01, false, 200000.00",  // 1% = 200000.0001: capped
            "10000000.50, true, 200000.00"})  // 2% = 200000.01: capped
    void anqing_attracted_threshold_and_cap(String invoiced, boolean crossBorder, String amount) {
        Fixture.SubjectBuilder b = new Fixture().subject(SubjectType.MERCHANT, "AT").region("340802")
                .attr("attracted", "true").size(SizeClass.ABOVE);
        if (crossBorder) {
            b.category("CROSS_BORDER");
        }
        Evaluation e = b.add()
                .entered("AT", Metric.INVOICED_SALES, "2018", invoiced)
                .entered("AT", Metric.ONLINE_TRANSACTIONS, "2018", "0")
                .evaluate(PolicyFiles.load("anqing.yml"), "2018");

        assertThat(amountOrZero(e, "aq-attracted")).isEqualByComparingTo(amount);
    }

    @Test
    void a_cap_reached_exactly_is_not_reported_as_capped() {
        Evaluation e = new Fixture()
                .subject(SubjectType.STATION, "ST").region("340822").add()
                .subject(SubjectType.STATION, "OVER").region("340822").add()
                .figure("ST", Metric.SALES_NET, "2018", "10000000")
                .figure("OVER", Metric.SALES_NET, "2018", "10000000.50")
                .evaluate(PolicyFiles.load("anqing.yml"), "2018");

        assertThat(e.lines()).extracting(l -> l.subject().id() + " " + l.amount() + " " + l.explanation()).containsExactly(
                "OVER 200000.00 SALES_NET 10000000.5 ≥ 500000; SALES_NET 10000000.5 × 2% = 200000.01, capped at 200000.00",
                "ST 200000.00 SALES_NET 10000000 ≥ 500000; SALES_NET 10000000 × 2% = 200000.00");
    }

    @ParameterizedTest(name = "paid before {0} → {1}")
    @CsvSource({"298000.00, 1000.00", "299000.00, 1000.00", "299500.00, 500.00", "300000.00, 0"})
    void anqing_training_total_is_capped_over_the_years(String paidBefore, String amount) {
        Fixture f = new Fixture()
                .subject(SubjectType.MERCHANT, "TR").region("340802").attr("trainer", "true").add()
                .subject(SubjectType.MERCHANT, "NEW").attr("trainedBy", "TR").attr("parkTenant", "false").add()
                .figure("NEW", Metric.SALES_NET, "2019", "20000");
        for (String month : new String[] {"2019-10", "2019-11", "2019-12"}) {
            f.figure("NEW", Metric.ORDERS, month, "1");
        }
        f.prior.add(new PriorAward("anqing-2018", "aq-training", "TR", "2018", "EARLIER", new BigDecimal(paidBefore)));

        Evaluation e = f.evaluate(PolicyFiles.load("anqing.yml"), "2019");

        assertThat(amountOrZero(e, "aq-training")).isEqualByComparingTo(amount);
    }

    @ParameterizedTest(name = "members {0} → {1}")
    @CsvSource({"499, 0", "500, 50000.00", "999, 50000.00", "1000, 150000.00", "2000, 300000.00"})
    void anqing_platform_members_at_every_step(String members, String amount) {
        Evaluation e = new Fixture()
                .subject(SubjectType.MERCHANT, "P").region("340803").attr("thirdPartyPlatform", "true").add()
                .entered("P", Metric.PLATFORM_MEMBERS, "2018", members)
                .evaluate(PolicyFiles.load("anqing.yml"), "2018");

        assertThat(amountOrZero(e, "aq-platform-members")).isEqualByComparingTo(amount);
    }

    @ParameterizedTest(name = "sales {0} → {1}")
    @CsvSource({"49999.99, 0", "50000, 2000.00", "200000, 5000.00", "1000000, 20000.00", "3000000, 20000.00",
            "5000000, 50000.00", "10000000, 100000.00"})
    void miluo_local_product_bands(String sales, String amount) {
        Evaluation e = new Fixture()
                .subject(SubjectType.MERCHANT, "M").region("430681").category("LOCAL_PRODUCT").add()
                .figure("M", Metric.SALES_NET_LOCAL_PRODUCT, "2018", sales)
                .evaluate(PolicyFiles.load("miluo.yml"), "2018");

        // from 2M ml-local-sales-first competes; ml-local-products is the higher in every row above
        assertThat(amountOrZero(e, "ml-local-products")).isEqualByComparingTo(amount);
    }

    @ParameterizedTest(name = "registered {0} → {1}")
    @CsvSource({"2016-07-01, 2500.00", "2016-07-02, 0"})
    void xinjiang_small_shop_six_months_at_year_end(String registeredOn, String amount) {
        Evaluation e = new Fixture()
                .subject(SubjectType.MERCHANT, "NEW").region("360602100").registeredOn(registeredOn).add()
                .figure("NEW", Metric.SALES_NET, "2016", "200000")
                .evaluate(PolicyFiles.load("xinjiang.yml"), "2016");

        assertThat(amountOrZero(e, "xj-small-shop")).isEqualByComparingTo(amount);
    }
}
