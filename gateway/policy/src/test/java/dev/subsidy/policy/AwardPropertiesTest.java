package dev.subsidy.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.subsidy.model.Metric;
import dev.subsidy.model.SubjectType;
import java.math.BigDecimal;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.BigRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** Properties that must hold for any figures, on the real policy files. */
class AwardPropertiesTest {

    private static final Policy CONGJIANG = PolicyFiles.load("congjiang.yml");
    private static final Policy XINJIANG = PolicyFiles.load("xinjiang.yml");
    private static final Policy GANZHOU = PolicyFiles.load("ganzhou.yml");
    private static final Policy MILUO = PolicyFiles.load("miluo.yml");

    private static BigDecimal parcelAward(int parcels) {
        return new Fixture()
                .subject(SubjectType.EXPRESS_COMPANY, "EXP").region("522633").add()
                .figure("EXP", Metric.PARCELS_OUTBOUND_LOCAL_PRODUCTS, "2026", String.valueOf(parcels))
                .evaluate(CONGJIANG, "2026").total();
    }

    @Property
    void per_unit_amounts_never_fall_as_counts_rise(@ForAll @IntRange(max = 60000) int a, @ForAll @IntRange(max = 60000) int b) {
        assertThat(parcelAward(Math.min(a, b))).isLessThanOrEqualTo(parcelAward(Math.max(a, b)));
    }

    @Property
    void per_unit_amounts_stay_between_one_and_one_and_a_half_per_parcel_once_paid(@ForAll @IntRange(min = 5000, max = 60000) int parcels) {
        BigDecimal amount = parcelAward(parcels);
        assertThat(amount).isBetween(BigDecimal.valueOf(parcels), BigDecimal.valueOf(parcels).multiply(new BigDecimal("1.5")));
    }

    /** Evaluates consecutive years, remembering each, and returns the total paid. */
    private static BigDecimal overYears(Policy policy, Metric metric, int firstYear, List<BigDecimal> values, String... categories) {
        Fixture.SubjectBuilder b = new Fixture().subject(SubjectType.MERCHANT, "M").region(policy.regions().get(0))
                .attr("ecommerceCity", "true");
        for (String c : categories) {
            b.category(c);
        }
        Fixture f = b.add();
        BigDecimal total = BigDecimal.ZERO;
        for (int i = 0; i < values.size(); i++) {
            String year = String.valueOf(firstYear + i);
            f.figure("M", metric, year, values.get(i).toPlainString());
            Evaluation e = f.evaluate(policy, year);
            total = total.add(e.total());
            f.remember(e);
        }
        return total;
    }

    @Property
    void ganzhou_totals_across_years_never_exceed_the_sum_of_all_steps(
            @ForAll @Size(min = 1, max = 6) List<@BigRange(min = "0", max = "700000000") BigDecimal> yearlySales) {
        BigDecimal total = overYears(GANZHOU, Metric.SALES_NET_B2C, 2016, yearlySales);

        assertThat(total).isLessThanOrEqualTo(new BigDecimal("350000")); // 5万 + 10万 + 20万
    }

    @Property
    void miluo_band_totals_across_years_never_exceed_the_sum_of_all_bands(
            @ForAll @Size(min = 1, max = 6) List<@BigRange(min = "0", max = "12000000") BigDecimal> yearlySales) {
        BigDecimal total = overYears(MILUO, Metric.SALES_NET_LOCAL_PRODUCT, 2018, yearlySales, "LOCAL_PRODUCT");

        // ml-local-products bands 2k+5k+20k+20k+50k+100k, plus at most ml-local-sales-first's 1万+2万+5万
        assertThat(total).isLessThanOrEqualTo(new BigDecimal("277000"));
    }

    @Property
    void xinjiang_cumulative_milestones_pay_each_step_up_to_the_best_year_exactly_once(
            @ForAll @Size(min = 1, max = 3) List<@BigRange(min = "0", max = "60000000") BigDecimal> yearlySales) {
        BigDecimal total = overYears(XINJIANG, Metric.SALES_NET, 2015, yearlySales);

        // the n-th step sits at n × 5M and pays n × 10,000: steps up to the best year sum to 10,000 × n(n+1)/2
        long n = yearlySales.stream().max(BigDecimal::compareTo).orElseThrow()
                .divideToIntegralValue(new BigDecimal("5000000")).longValueExact();
        assertThat(total).isEqualByComparingTo(BigDecimal.valueOf(10000 * n * (n + 1) / 2));
    }
}
