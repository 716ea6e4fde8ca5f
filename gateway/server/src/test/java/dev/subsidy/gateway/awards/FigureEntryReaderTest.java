package dev.subsidy.gateway.awards;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.subsidy.model.Metric;
import dev.subsidy.model.Subject;
import dev.subsidy.model.SubjectType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Each entered figure is checked on its own: registry subject, administrator metric, period, exact value. */
class FigureEntryReaderTest {

    private static final String FIRM = "91360602MA35XJ0001";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final FigureEntryReader reader = new FigureEntryReader(id -> id.equals(FIRM)
            ? Optional.of(new Subject(SubjectType.MERCHANT, FIRM, "鹰潭某电商", "360602100", null, null, null, null, null,
                    null, null, Map.of()))
            : Optional.empty());

    private final List<String> problems = new ArrayList<>();

    private FigureEntry read(String json) throws Exception {
        JsonNode node = JSON.readTree(json);
        return reader.read(node, problems);
    }

    @Test
    void aValidEntryIsNormalisedToYuanAndFen() throws Exception {
        FigureEntry e = read("""
                {"subject": "%s", "metric": "INVOICED_SALES", "period": "2026", "value": "25000000", "note": " 税务局开票数据 "}"""
                .formatted(FIRM));
        assertThat(problems).isEmpty();
        assertThat(e.metric()).isEqualTo(Metric.INVOICED_SALES);
        assertThat(e.value().toPlainString()).isEqualTo("25000000.00");
        assertThat(e.note()).isEqualTo("税务局开票数据");
        assertThat(e.figureId()).isEqualTo(FIRM + "/INVOICED_SALES/2026");
    }

    @Test
    void countsAreWholeNumbersAndAJsonNumberIsAccepted() throws Exception {
        FigureEntry e = read("""
                {"subject": "%s", "metric": "INSURED_STAFF", "period": "2026-Q2", "value": 5.00}""".formatted(FIRM));
        assertThat(problems).isEmpty();
        assertThat(e.value().toPlainString()).isEqualTo("5");
        assertThat(e.period()).isEqualTo("2026-Q2");

        assertThat(read("""
                {"subject": "%s", "metric": "INSURED_STAFF", "period": "2026", "value": "2.5"}""".formatted(FIRM))).isNull();
        assertThat(problems).containsExactly("value: INSURED_STAFF is a count, a whole number, not 2.5");
    }

    @Test
    void zeroIsAValueNotAnAbsence() throws Exception {
        FigureEntry e = read("""
                {"subject": "%s", "metric": "PLATFORM_MEMBERS", "period": "2026", "value": "0"}""".formatted(FIRM));
        assertThat(problems).isEmpty();
        assertThat(e.value().signum()).isZero();
    }

    @Test
    void aFeedMetricCannotBeEntered() throws Exception {
        assertThat(read("""
                {"subject": "%s", "metric": "SALES_NET", "period": "2026", "value": "1"}""".formatted(FIRM))).isNull();
        assertThat(problems).singleElement().asString()
                .startsWith("metric: SALES_NET is measured from feeds and cannot be entered")
                .contains("INVOICED_SALES", "INTEGRATED_EXPRESS_FIRMS");
    }

    @Test
    void everyProblemOfAnEntryIsReported() throws Exception {
        assertThat(read("""
                {"subject": "nobody", "metric": "INVOICED_SALE", "period": "2026-13", "value": "-1"}""")).isNull();
        assertThat(problems).containsExactly(
                "subject: 'nobody' is not in the registry",
                "metric: unknown metric 'INVOICED_SALE' (enterable: INVOICED_SALES, ONLINE_TRANSACTIONS, PLATFORM_MEMBERS, "
                        + "INSURED_STAFF, OPERATING_REVENUE, INTEGRATED_EXPRESS_FIRMS)",
                "period: period index out of range: 13",
                "value: must not be negative, not -1");
    }

    @Test
    void moreThanTwoDecimalsAndNonNumbersAreRefused() throws Exception {
        read("""
                {"subject": "%s", "metric": "OPERATING_REVENUE", "period": "2026", "value": "100.005"}""".formatted(FIRM));
        read("""
                {"subject": "%s", "metric": "OPERATING_REVENUE", "period": "2026", "value": "1e3x"}""".formatted(FIRM));
        read("""
                {"subject": "%s", "metric": "OPERATING_REVENUE", "period": "2026", "value": true}""".formatted(FIRM));
        read("""
                {"subject": "%s", "metric": "OPERATING_REVENUE", "period": "2026"}""".formatted(FIRM));
        assertThat(problems).containsExactly(
                "value: at most 2 decimals, not 100.005",
                "value: '1e3x' is not a decimal number",
                "value: must be a decimal string such as \"2500000.00\"",
                "value: missing");
    }

    @Test
    void trailingZerosBeyondFenAreNotExtraDecimals() throws Exception {
        FigureEntry e = read("""
                {"subject": "%s", "metric": "OPERATING_REVENUE", "period": "2026", "value": "2000000.500"}""".formatted(FIRM));
        assertThat(problems).isEmpty();
        assertThat(e.value().toPlainString()).isEqualTo("2000000.50");
    }

    @Test
    void anEntryThatIsNotAnObjectOrLacksFieldsIsRefused() throws Exception {
        assertThat(read("[1]")).isNull();
        assertThat(read("{}")).isNull();
        assertThat(problems).containsExactly("entry is not a JSON object",
                "subject: missing", "metric: missing", "period: missing", "value: missing");
    }
}
