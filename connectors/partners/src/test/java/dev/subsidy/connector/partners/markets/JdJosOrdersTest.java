package dev.subsidy.connector.partners.markets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.subsidy.connector.api.Checkpoint;
import dev.subsidy.connector.api.ConnectorException;
import dev.subsidy.connector.api.PullConnector;
import dev.subsidy.simulators.markets.JosSimulator;
import dev.subsidy.simulators.markets.MarketSimulator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code config/connectors/examples/jd-jos-orders.yml} against JOS's simulator, mapped by {@code jd-orders}. */
class JdJosOrdersTest extends MarketContractTest {

    @Override
    protected String definitionFile() {
        return "jd-jos-orders.yml";
    }

    @Override
    protected Map<String, String> environment() {
        return Map.of("JD_APP_SECRET", "jd-secret-93be01d7", "JD_ACCESS_TOKEN", "jd-token-5a2c7e");
    }

    @Override
    protected MarketSimulator simulator() {
        return new JosSimulator(clock(), environment().get("JD_APP_SECRET"), environment().get("JD_ACCESS_TOKEN"));
    }

    @Override
    protected String idField() {
        return "orderId";
    }

    @Override
    protected String fixtures() {
        return "jd";
    }

    /** The carrier ids an operator adds from jingdong.delivery.logistics.get (the example leaves them out). */
    @Override
    protected Map<String, String> mappingParams() {
        Map<String, String> params = new HashMap<>(super.mappingParams());
        params.put("logistics", "463=ZTO");
        return params;
    }

    @Test
    void yuanStringsCancellationsAndWaybillsMapExactly() throws Exception {
        List<ObjectNode> orders = readAndMap();

        assertThat(order(orders, "298765432202").path("amount").asText()).as("orderPayment \"88.8\"").isEqualTo("88.80");
        assertThat(order(orders, "298765432206").path("amount").asText()).isEqualTo("12345.67");
        assertThat(order(orders, "298765432203").path("status").asText()).as("TRADE_CANCELED after payment").isEqualTo("REFUNDED");
        assertThat(order(orders, "298765432203").path("refundedAmount").asText()).isEqualTo("58.00");
        assertThat(order(orders, "298765432204").path("status").asText()).as("TRADE_CANCELED, cash on delivery never paid")
                .isEqualTo("CANCELLED");
        assertThat(order(orders, "298765432201").path("waybills").get(0).asText()).isEqualTo("JD:JDVA12345678901");
        assertThat(order(orders, "298765432202").path("waybills")).extracting(JsonNode::asText)
                .containsExactly("ZTO:73100000000012", "ZTO:73100000000013");
        assertThat(orders).extracting(o -> o.path("orderId").asText()).as("cash on delivery not delivered yet")
                .doesNotContain("298765432205");
    }

    @Test
    void pagingAndTheWindowTravelInsideTheSigned360buyParamJson() throws Exception {
        readAndMap();

        LoggedRequest first = partner().requests().get(0);
        assertThat(first.formParameters().keySet()).containsExactlyInAnyOrder("method", "app_key", "v", "access_token", "timestamp",
                "360buy_param_json", "sign");
        JsonNode param = MarketSimulator.JSON.readTree(first.formParameters().get("360buy_param_json").firstValue());
        assertThat(param.path("start_date").asText()).isEqualTo("2026-03-02 00:00:00");
        assertThat(param.path("end_date").asText()).isEqualTo("2026-03-02 01:00:00");
        assertThat(param.path("page").asLong()).isEqualTo(1);
        assertThat(param.path("page_size").asLong()).isEqualTo(2);
        assertThat(param.path("order_state").asText()).contains("TRADE_CANCELED", "FINISHED_L");
        // four orders changed between 06:00 and 07:00: the total from page 1, then pages 2 and 1
        assertThat(partner().requests().stream().map(r -> paramJson(r))
                .filter(p -> p.path("start_date").asText().equals("2026-03-02 06:00:00"))
                .map(p -> p.path("page").asText())).containsExactly("1", "2", "1");
    }

    @Test
    void aBusinessErrorInsideTheReplyFailsThePollInsteadOfReadingAsAnEmptyPage() throws Exception {
        MarketSimulator simulator = simulator();
        simulator.serve(partner(), records(RECORD_COUNT));
        Map<String, String> settings = settings(partner().baseUrl());
        settings.put("page_size", "101");
        PullConnector connector = start(context(settings));

        ConnectorException e = catchThrowableOfType(() -> connector.poll(Checkpoint.NONE), ConnectorException.class);

        assertThat(e.reason()).isEqualTo(ConnectorException.Reason.FATAL);
        assertThat(e.getMessage()).contains("partner error code false", "page_size不能超过100");
        assertThat(simulator.refusals()).containsExactly("apiResult");
    }

    private static JsonNode paramJson(LoggedRequest request) {
        try {
            return MarketSimulator.JSON.readTree(request.formParameters().get("360buy_param_json").firstValue());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
