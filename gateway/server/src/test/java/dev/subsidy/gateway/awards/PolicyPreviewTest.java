package dev.subsidy.gateway.awards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.subsidy.gateway.web.BadRequestException;
import dev.subsidy.policy.Policy;
import dev.subsidy.policy.PolicyEngine;
import dev.subsidy.policy.PolicyLoader;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * A preview runs the engine on the request alone: hypothetical subjects and prior awards, made-up
 * figure ids. (Without subjects or prior awards it reads the registry and stored awards; the IT covers that.)
 */
class PolicyPreviewTest {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule());
    private static final String MERCHANT = """
            {"type": "MERCHANT", "id": "m-17", "name": "信江某电商", "region": "360602100", "registeredOn": "2014-03-01",
             "taxRegistered": true, "attributes": {"ecommerceCity": "true"}}""";

    private final Policy xinjiang;
    private final PolicyPreview preview = new PolicyPreview(new PolicyEngine(), null, null);
    private final PreviewRequestReader reader = new PreviewRequestReader(JSON);

    PolicyPreviewTest() throws Exception {
        xinjiang = new PolicyLoader().parse(new String(getClass().getResourceAsStream("/policies/xinjiang.yml").readAllBytes(),
                StandardCharsets.UTF_8), "xinjiang.yml");
    }

    private PolicyPreview.Reply run(String body) throws Exception {
        return preview.run(xinjiang, reader.read(JSON.readTree(body), xinjiang.id()));
    }

    @Test
    void workedExample2FirstYearPaysEveryStepReached() throws Exception {
        PolicyPreview.Reply reply = run("""
                {"period": "2016", "subjects": [%s], "priorAwards": [],
                 "figures": [{"subject": "m-17", "metric": "SALES_NET", "value": "17300000.00"}]}""".formatted(MERCHANT));

        assertThat(reply.total()).isEqualTo("60000.00");
        assertThat(reply.lines()).singleElement().satisfies(l -> {
            assertThat(l.policy()).isEqualTo("xj-sales-milestone");
            assertThat(l.amount()).isEqualTo("60000.00");
            assertThat(l.revision()).isZero();
            assertThat(l.basis()).singleElement().satisfies(b -> {
                assertThat(b.figureId()).isEqualTo("preview/m-17/SALES_NET/2016");
                assertThat(b.revision()).isEqualTo(1);
            });
            assertThat(l.reading()).isNotBlank();
        });
    }

    @Test
    void workedExample2SecondYearPaysOnlyTheNewStepGivenWhatWasPaidBefore() throws Exception {
        PolicyPreview.Reply reply = run("""
                {"period": "2017", "subjects": [%s],
                 "priorAwards": [{"rule": "xj-sales-milestone", "subject": "m-17", "period": "2016", "key": "5000000", "amount": "10000"},
                                 {"rule": "xj-sales-milestone", "subject": "m-17", "period": "2016", "key": "10000000", "amount": "20000"},
                                 {"rule": "xj-sales-milestone", "subject": "m-17", "period": "2016", "key": "15000000", "amount": "30000"}],
                 "figures": [{"subject": "m-17", "metric": "SALES_NET", "value": 21000000}]}""".formatted(MERCHANT));

        assertThat(reply.lines()).singleElement().satisfies(l -> {
            assertThat(l.amount()).isEqualTo("40000.00");
            assertThat(l.explanation()).contains("20000000");
        });
    }

    @Test
    void aClauseWithoutItsEnteredFigureIsListedAsNotComputable() throws Exception {
        PolicyPreview.Reply reply = run("""
                {"period": "2016", "priorAwards": [], "figures": [],
                 "subjects": [{"type": "EXPRESS_COMPANY", "id": "hq-1", "name": "某物流区域总部", "region": "360602007",
                               "registeredOn": "2014-01-01", "attributes": {"regionalHq": "true"}}]}""");

        assertThat(reply.lines()).isEmpty();
        assertThat(reply.notComputable()).anySatisfy(n -> {
            assertThat(n.rule()).isEqualTo("xj-logistics-hq");
            assertThat(n.subject()).isEqualTo("hq-1");
            assertThat(n.reason()).contains("OPERATING_REVENUE").contains("has not been entered");
        });

        PolicyPreview.Reply entered = run("""
                {"period": "2016", "priorAwards": [],
                 "figures": [{"subject": "hq-1", "metric": "OPERATING_REVENUE", "value": "2000000"}],
                 "subjects": [{"type": "EXPRESS_COMPANY", "id": "hq-1", "name": "某物流区域总部", "region": "360602007",
                               "registeredOn": "2014-01-01", "attributes": {"regionalHq": "true"}}]}""");
        assertThat(entered.lines()).extracting(PublishedAwardLine::policy, PublishedAwardLine::amount)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("xj-logistics-hq", "80000.00"));
    }

    @Test
    void everyProblemOfTheRequestIsOneBadRequest() {
        assertThatThrownBy(() -> run("""
                {"period": "2016-13",
                 "figures": [{"subject": "m", "metric": "SALES", "value": "x"},
                             {"subject": "m", "metric": "SALES_NET", "value": "1"},
                             {"subject": "m", "metric": "SALES_NET", "value": "2"}],
                 "subjects": [{"id": "no-type"}],
                 "priorAwards": [{"rule": "xj-bakery"}]}"""))
                .isInstanceOf(BadRequestException.class)
                .hasMessageContaining("period: period index out of range: 13")
                .hasMessageContaining("figures[0].metric: unknown metric 'SALES'")
                .hasMessageContaining("figures[0].value: 'x' is not a decimal number")
                .hasMessageContaining("subjects[0]: must be an object with at least type and id")
                .hasMessageContaining("priorAwards[0].subject: missing")
                .hasMessageContaining("priorAwards[0].period: missing");
        assertThatThrownBy(() -> run("""
                {"period": "2016", "figures": [{"subject": "m", "metric": "SALES_NET", "value": "1"},
                                              {"subject": "m", "metric": "SALES_NET", "value": "2"}]}"""))
                .hasMessage("figures[1]: SALES_NET of m for 2016 is given twice");
        assertThatThrownBy(() -> run("[]")).hasMessageStartingWith("body must be a JSON object");
        assertThatThrownBy(() -> run("{\"period\": \"2016\"}")).hasMessage("figures: missing (an empty list is allowed)");
        assertThatThrownBy(() -> run("""
                {"period": "2016", "figures": [], "subjects": [{"type": "SHOP", "id": "s"}]}"""))
                .hasMessageContaining("subjects[0]: Cannot deserialize value of type");
    }
}
