package dev.subsidy.policy;

import static dev.subsidy.policy.WorkedExamplesTest.line;
import static org.assertj.core.api.Assertions.assertThat;

import dev.subsidy.model.AwardLine;
import dev.subsidy.model.Basis;
import dev.subsidy.model.Metric;
import dev.subsidy.model.SubjectType;
import org.junit.jupiter.api.Test;

/** 汨罗 (miluo.yml), period 2018. */
class MiluoPolicyTest {

    private final Policy miluo = PolicyFiles.load("miluo.yml");

    @Test
    void ml_logistics_centre_needs_eight_integrated_firms_and_five_million_deliveries() {
        Evaluation e = new Fixture()
                .subject(SubjectType.LOGISTICS_CENTRE, "LC").region("430681").add()
                .subject(SubjectType.LOGISTICS_CENTRE, "SEVEN").region("430681").add()
                .subject(SubjectType.LOGISTICS_CENTRE, "UNKNOWN").region("430681").add()
                .entered("LC", Metric.INTEGRATED_EXPRESS_FIRMS, "2018", "8")
                .figure("LC", Metric.PARCELS_DELIVERED, "2018", "5000000")
                .entered("SEVEN", Metric.INTEGRATED_EXPRESS_FIRMS, "2018", "7")
                .figure("SEVEN", Metric.PARCELS_DELIVERED, "2018", "9000000")
                .figure("UNKNOWN", Metric.PARCELS_DELIVERED, "2018", "9000000")
                .evaluate(miluo, "2018");

        assertThat(e.lines()).singleElement().satisfies(l -> {
            assertThat(l.subject().id()).isEqualTo("LC");
            assertThat(l.amount()).isEqualByComparingTo("150000.00");
            assertThat(l.basis()).extracting(Basis::metric)
                    .containsExactly(Metric.INTEGRATED_EXPRESS_FIRMS, Metric.PARCELS_DELIVERED);
        });
        assertThat(e.notComputable()).singleElement().satisfies(n -> {
            assertThat(n.subjectId()).isEqualTo("UNKNOWN");
            assertThat(n.reason()).contains("INTEGRATED_EXPRESS_FIRMS");
        });
    }

    @Test
    void ml_local_products_pays_the_band_reached_not_every_band_below() {
        Evaluation e = new Fixture()
                .subject(SubjectType.MERCHANT, "ZONGZI").region("430681").category("LOCAL_PRODUCT").add()
                .figure("ZONGZI", Metric.SALES_NET_LOCAL_PRODUCT, "2018", "1200000")
                .evaluate(miluo, "2018");

        // 5万, 20万, 100万 reached; highest band 100万 → 2万
        assertThat(e.lines()).singleElement().satisfies(l -> {
            assertThat(l.ruleId()).isEqualTo("ml-local-products");
            assertThat(l.amount()).isEqualByComparingTo("20000.00");
        });
    }

    @Test
    void ml_local_sales_first_stacks_its_steps_for_a_firm_outside_item_3() {
        Evaluation e = new Fixture()
                .subject(SubjectType.MERCHANT, "LOCAL").region("430681").add()
                .figure("LOCAL", Metric.SALES_NET_LOCAL_PRODUCT, "2018", "5500000")
                .evaluate(miluo, "2018");

        assertThat(line(e, "ml-local-sales-first").amount()).isEqualByComparingTo("30000.00"); // 1万 + 2万
    }

    @Test
    void ml_local_sales_first_is_not_stacked_with_item_3() {
        Evaluation e = new Fixture()
                .subject(SubjectType.MERCHANT, "BOTH").region("430681").category("LOCAL_PRODUCT").add()
                .figure("BOTH", Metric.SALES_NET_LOCAL_PRODUCT, "2018", "2500000")
                .evaluate(miluo, "2018");

        // item 3: 5万, 20万, 100万 → 2万; item 10: 200万 → 1万; only the higher is paid
        assertThat(e.lines()).singleElement().satisfies(l -> {
            assertThat(l.ruleId()).isEqualTo("ml-local-products");
            assertThat(l.amount()).isEqualByComparingTo("20000.00");
            assertThat(l.explanation()).endsWith("not stacked with ml-local-sales-first 10000.00");
        });
        assertThat(e.superseded()).extracting(AwardLine::ruleId).containsExactly("ml-local-sales-first");
    }

    @Test
    void ml_local_sales_first_is_withheld_when_item_7_rewarded_it() {
        Evaluation e = new Fixture()
                .subject(SubjectType.MERCHANT, "TAXED").region("430681").attr("fundedElsewhere", "ml-local-sales-first").add()
                .figure("TAXED", Metric.SALES_NET_LOCAL_PRODUCT, "2018", "5500000")
                .evaluate(miluo, "2018");

        assertThat(e.lines()).isEmpty();
    }

    @Test
    void ml_poor_household_shop_pays_a_thousand_for_ten_trades_in_its_first_year() {
        Evaluation e = new Fixture()
                .subject(SubjectType.MERCHANT, "POOR").region("430681").registeredOn("2018-02-01").attr("poorHousehold", "true").add()
                .subject(SubjectType.MERCHANT, "POOR-OLD").region("430681").registeredOn("2017-02-01").attr("poorHousehold", "true").add()
                .subject(SubjectType.MERCHANT, "NINE").region("430681").registeredOn("2018-02-01").attr("poorHousehold", "true").add()
                .figure("POOR", Metric.ORDERS, "2018", "10")
                .figure("POOR-OLD", Metric.ORDERS, "2018", "50")
                .figure("NINE", Metric.ORDERS, "2018", "9")
                .evaluate(miluo, "2018");

        assertThat(e.lines()).singleElement().satisfies(l -> {
            assertThat(l.subject().id()).isEqualTo("POOR");
            assertThat(l.amount()).isEqualByComparingTo("1000.00");
        });
    }

    @Test
    void ml_village_station_pays_ten_thousand_at_two_hundred_thousand_in_a_poor_village() {
        Evaluation e = new Fixture()
                .subject(SubjectType.STATION, "VS").region("430681103").attr("povertyVillage", "true").add()
                .subject(SubjectType.STATION, "RICH").region("430681103").add()
                .figure("VS", Metric.SALES_NET, "2018", "200000")
                .figure("RICH", Metric.SALES_NET, "2018", "900000")
                .evaluate(miluo, "2018");

        assertThat(e.lines()).singleElement().satisfies(l -> {
            assertThat(l.ruleId()).isEqualTo("ml-village-station");
            assertThat(l.subject().id()).isEqualTo("VS");
            assertThat(l.amount()).isEqualByComparingTo("10000.00");
        });
    }

    @Test
    void ml_town_ranking_pays_the_top_three_towns_and_equal_towns_share_a_place() {
        Evaluation e = new Fixture()
                .subject(SubjectType.TOWN, "430681101").name("A镇").region("430681101").add()
                .subject(SubjectType.TOWN, "430681102").name("B镇").region("430681102").add()
                .subject(SubjectType.TOWN, "430681103").name("C镇").region("430681103").add()
                .subject(SubjectType.TOWN, "430681104").name("D镇").region("430681104").add()
                .subject(SubjectType.TOWN, "430602101").name("外镇").region("430602101").add()
                .figure("430681101", Metric.SALES_NET_AGRICULTURAL, "2018", "1200000")
                .figure("430681102", Metric.SALES_NET_AGRICULTURAL, "2018", "900000")
                .figure("430681103", Metric.SALES_NET_AGRICULTURAL, "2018", "900000")
                .figure("430681104", Metric.SALES_NET_AGRICULTURAL, "2018", "500000")
                .figure("430602101", Metric.SALES_NET_AGRICULTURAL, "2018", "9000000")
                .evaluate(miluo, "2018");

        assertThat(e.lines()).extracting(l -> l.subject().name() + " " + l.amount())
                .containsExactly("A镇 30000.00", "B镇 20000.00", "C镇 20000.00");
        assertThat(e.lines().get(0).explanation()).isEqualTo("SALES_NET_AGRICULTURAL: 1. A镇 1200000; 2. B镇 900000;"
                + " 3. C镇 900000; 4. D镇 500000 → place 1 → 30000.00");
    }
}
