package dev.subsidy.policy;

import static dev.subsidy.policy.WorkedExamplesTest.line;
import static org.assertj.core.api.Assertions.assertThat;

import dev.subsidy.model.Metric;
import dev.subsidy.model.Payment;
import dev.subsidy.model.SubjectType;
import org.junit.jupiter.api.Test;

/**
 * A fact a rule needs from the registry's {@code attributes}: stated true, stated false, or not stated at
 * all. Not stated is reported as not computable, like an entered figure nobody entered; stated false is
 * simply not eligible (docs/registry.md).
 */
class MissingRegistryAttributeTest {

    private final Policy xinjiang = PolicyFiles.load("xinjiang.yml");
    private final Policy congjiang = PolicyFiles.load("congjiang.yml");
    private final Policy anqing = PolicyFiles.load("anqing.yml");
    private final Policy ganzhou = PolicyFiles.load("ganzhou.yml");

    /** A merchant of 信江新区 with 6M sales in 2016: the first step of xj-sales-milestone, if it is in the city. */
    private Evaluation xinjiangMerchant(String ecommerceCity) {
        Fixture.SubjectBuilder m = new Fixture().subject(SubjectType.MERCHANT, "M").region("360602100");
        if (ecommerceCity != null) {
            m.attr("ecommerceCity", ecommerceCity);
        }
        return m.add().figure("M", Metric.SALES_NET, "2016", "6000000").evaluate(xinjiang, "2016");
    }

    @Test
    void an_attribute_the_registry_does_not_state_makes_the_rule_not_computable_naming_it() {
        Evaluation e = xinjiangMerchant(null);

        assertThat(e.lines()).isEmpty();
        assertThat(e.notComputable()).singleElement().satisfies(n -> {
            assertThat(n.ruleId()).isEqualTo("xj-sales-milestone");
            assertThat(n.subjectId()).isEqualTo("M");
            assertThat(n.reason()).isEqualTo("because ecommerceCity is not in the registry for name of M (M)");
        });
    }

    @Test
    void an_attribute_stated_false_means_not_eligible_and_nothing_to_report() {
        Evaluation e = xinjiangMerchant("false");

        assertThat(e.lines()).isEmpty();
        assertThat(e.notComputable()).isEmpty();
    }

    @Test
    void an_attribute_stated_true_pays() {
        Evaluation e = xinjiangMerchant("true");

        assertThat(line(e, "xj-sales-milestone").amount()).isEqualByComparingTo("10000.00");
        assertThat(e.notComputable()).isEmpty();
    }

    @Test
    void a_missing_attribute_is_not_reported_where_the_rule_would_pay_nothing_anyway() {
        Evaluation e = new Fixture()
                .subject(SubjectType.MERCHANT, "M").region("360602100").add()
                .figure("M", Metric.SALES_NET, "2016", "4999999.99")
                .evaluate(xinjiang, "2016");

        assertThat(e.lines()).isEmpty();
        assertThat(e.notComputable()).isEmpty();
    }

    @Test
    void an_alternative_that_holds_decides_without_the_attribute_and_one_that_fails_does_not() {
        Evaluation e = new Fixture()
                .subject(SubjectType.EXPRESS_COMPANY, "LOCAL").region("522633").add()
                .subject(SubjectType.EXPRESS_COMPANY, "ELSEWHERE").region("520100").add()
                .subject(SubjectType.EXPRESS_COMPANY, "NO-HUB").region("520100").attr("regionalHub", "false").add()
                .figure("LOCAL", Metric.PARCELS_OUTBOUND_LOCAL_PRODUCTS, "2026", "6000")
                .figure("ELSEWHERE", Metric.PARCELS_OUTBOUND_LOCAL_PRODUCTS, "2026", "6000")
                .figure("NO-HUB", Metric.PARCELS_OUTBOUND_LOCAL_PRODUCTS, "2026", "6000")
                .evaluate(congjiang, "2026");

        // registered and tax registered in the county: regionalHub is not needed
        assertThat(e.lines()).extracting(l -> l.subject().id()).containsExactly("LOCAL");
        // registered elsewhere: only a regional hub would be paid, and the registry does not say
        assertThat(e.notComputable()).singleElement().satisfies(n -> {
            assertThat(n.ruleId()).isEqualTo("cj-express-parcel");
            assertThat(n.subjectId()).isEqualTo("ELSEWHERE");
            assertThat(n.reason()).isEqualTo("because regionalHub is not in the registry for name of ELSEWHERE (ELSEWHERE)");
        });
    }

    @Test
    void graduation_year_absent_is_unknown_none_is_not_a_graduate_and_a_year_is_checked() {
        Evaluation e = new Fixture()
                .subject(SubjectType.MERCHANT, "UNSTATED").region("340802").registeredOn("2018-03-01").add()
                .subject(SubjectType.MERCHANT, "NONE").region("340802").registeredOn("2018-03-01")
                .attr("graduationYear", "none").add()
                .subject(SubjectType.MERCHANT, "GRAD").region("340802").registeredOn("2018-03-01")
                .attr("graduationYear", "2015").add()
                .figure("UNSTATED", Metric.PARCELS_SHIPPED, "2018", "30000")
                .figure("NONE", Metric.PARCELS_SHIPPED, "2018", "30000")
                .figure("GRAD", Metric.PARCELS_SHIPPED, "2018", "30000")
                .evaluate(anqing, "2018");

        assertThat(e.lines()).filteredOn(l -> l.ruleId().equals("aq-graduate"))
                .extracting(l -> l.subject().id()).containsExactly("GRAD");
        assertThat(e.notComputable()).filteredOn(n -> n.ruleId().equals("aq-graduate")).singleElement().satisfies(n -> {
            assertThat(n.subjectId()).isEqualTo("UNSTATED");
            assertThat(n.reason()).isEqualTo("because graduationYear is not in the registry for name of UNSTATED (UNSTATED)");
        });
    }

    @Test
    void a_list_of_recorded_events_that_is_absent_records_none() {
        Evaluation e = new Fixture()
                .subject(SubjectType.MERCHANT, "CLEAN").region("360702").add()
                .figure("CLEAN", Metric.SALES_NET_B2C, "2016", "60000000")
                .evaluate(ganzhou, "2016");

        // gz-no-double reads misconductYears: no year recorded, nothing withheld and nothing to report
        assertThat(line(e, "gz-b2c").amount()).isEqualByComparingTo("50000.00");
        assertThat(e.notComputable()).isEmpty();
    }

    @Test
    void a_member_whose_fact_is_not_stated_is_reported_beside_the_line_of_the_others() {
        Evaluation e = new Fixture()
                .subject(SubjectType.MERCHANT, "PARK").region("340802").attr("parkOperator", "true").add()
                .subject(SubjectType.MERCHANT, "T1").region("340802").attr("park", "PARK").attr("rentConcession", "true").add()
                .subject(SubjectType.MERCHANT, "T2").region("340802").attr("park", "PARK").add()
                .subject(SubjectType.MERCHANT, "T3").region("340802").attr("park", "PARK").attr("rentConcession", "false").add()
                .figure("T1", Metric.SALES_NET, "2018", "1200000")
                .figure("T2", Metric.SALES_NET, "2018", "1200000")
                .figure("T3", Metric.SALES_NET, "2018", "1200000")
                .evaluate(anqing, "2018");

        assertThat(line(e, "aq-park-tenant").payments()).extracting(Payment::key).containsExactly("T1");
        assertThat(e.notComputable()).filteredOn(n -> n.ruleId().equals("aq-park-tenant")).singleElement()
                .satisfies(n -> {
                    assertThat(n.subjectId()).isEqualTo("PARK");
                    assertThat(n.reason()).isEqualTo(
                            "because member name of T2 (T2): rentConcession is not in the registry for name of T2 (T2)");
                });
    }

    @Test
    void each_policy_names_the_attributes_it_reads_and_the_rules_that_read_them() {
        assertThat(anqing.registryAttributes())
                .containsEntry("park", sorted("aq-park-tenant"))
                .containsEntry("trainedBy", sorted("aq-training"))
                .containsEntry("graduationYear", sorted("aq-graduate"))
                .containsEntry("fundedElsewhere", sorted("aq-no-double"));
        assertThat(xinjiang.registryAttributes()).containsOnlyKeys("ecommerceCity", "operatingSince", "regionalHq")
                .containsEntry("operatingSince", sorted("xj-logistics-hq", "xj-small-shop"));
    }

    private static java.util.SortedSet<String> sorted(String... ids) {
        return new java.util.TreeSet<>(java.util.List.of(ids));
    }
}
