package dev.subsidy.connector.partners.markets;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.subsidy.connector.api.Checkpoint;
import dev.subsidy.connector.api.PullConnector;
import dev.subsidy.connector.testkit.PollLoop;
import dev.subsidy.simulators.markets.DouyinSimulator;
import dev.subsidy.simulators.markets.MarketSimulator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code config/connectors/examples/douyin-orders.yml} against Douyin shop's simulator, mapped by {@code douyin-orders}. */
class DouyinOrdersTest extends MarketContractTest {

    @Override
    protected String definitionFile() {
        return "douyin-orders.yml";
    }

    @Override
    protected Map<String, String> environment() {
        return Map.of("DOUYIN_APP_SECRET", "dy-secret-0c6e2b94", "DOUYIN_ACCESS_TOKEN", "dy-token-77e1a0");
    }

    @Override
    protected MarketSimulator simulator() {
        return new DouyinSimulator(clock(), environment().get("DOUYIN_APP_SECRET"), environment().get("DOUYIN_ACCESS_TOKEN"));
    }

    @Override
    protected String idField() {
        return "order_id";
    }

    @Override
    protected String fixtures() {
        return "douyin";
    }

    @Test
    void fenBecomeExactYuanAndRefundsAndCancellationsMap() throws Exception {
        List<ObjectNode> orders = readAndMap();

        assertThat(order(orders, "6921234567890123501").path("amount").asText()).as("12345 fen").isEqualTo("123.45");
        assertThat(order(orders, "6921234567890123506").path("amount").asText()).as("1 fen").isEqualTo("0.01");
        assertThat(order(orders, "6921234567890123502").path("refundedAmount").asText()).as("one sku of two refunded")
                .isEqualTo("19.99");
        assertThat(order(orders, "6921234567890123502").path("status").asText()).isEqualTo("COMPLETED");
        assertThat(order(orders, "6921234567890123503").path("status").asText()).as("cancelled after payment").isEqualTo("REFUNDED");
        assertThat(order(orders, "6921234567890123504").path("status").asText()).as("cancelled unpaid").isEqualTo("CANCELLED");
        assertThat(order(orders, "6921234567890123501").path("paidAt").asText()).as("unix seconds in China time")
                .isEqualTo("2026-03-02T00:20:00+08:00");
        assertThat(order(orders, "6921234567890123501").path("waybills").get(0).asText()).isEqualTo("SF:SF1234567890123");
        assertThat(orders).extracting(o -> o.path("orderId").asText()).as("awaiting payment").doesNotContain("6921234567890123505");
    }

    @Test
    void paramJsonCarriesTheWindowInUnixSecondsAndPagesCountFromZero() throws Exception {
        readAndMap();

        LoggedRequest first = partner().requests().get(0);
        assertThat(query(first, "method")).isEqualTo("order.searchList");
        assertThat(query(first, "v")).isEqualTo("2");
        assertThat(query(first, "sign_method")).isEqualTo("md5");
        assertThat(query(first, "timestamp")).isEqualTo(Long.toString(now().getEpochSecond()));
        JsonNode param = paramJson(first);
        assertThat(param.path("update_time_start").isIntegralNumber()).as("a number, not text").isTrue();
        assertThat(param.path("update_time_start").asLong()).isEqualTo(now().getEpochSecond() - 12 * 3600);
        assertThat(param.path("page").asLong()).isZero();
        assertThat(param.path("order_asc").asBoolean()).isTrue();
        // four orders changed between 06:00 and 07:00: the total from page 0, then pages 1 and 0
        long window = now().getEpochSecond() - 6 * 3600;
        assertThat(partner().requests().stream().map(DouyinOrdersTest::paramJson)
                .filter(p -> p.path("update_time_start").asLong() == window)
                .map(p -> p.path("page").asText())).containsExactly("0", "1", "0");
    }

    @Test
    void theHmacSha256SchemeIsAcceptedToo() throws Exception {
        MarketSimulator simulator = simulator();
        simulator.serve(partner(), records(RECORD_COUNT));
        Map<String, String> settings = settings(partner().baseUrl());
        settings.put("signer", "douyin-hmac-sha256");
        PullConnector connector = start(context(settings));

        PollLoop.Outcome outcome = PollLoop.toEnd(connector, Checkpoint.NONE, MAX_POLLS);

        assertThat(ids(outcome.records())).hasSize(RECORD_COUNT);
        assertThat(simulator.refusals()).isEmpty();
        assertThat(query(partner().requests().get(0), "sign_method")).isEqualTo("hmac-sha256");
    }

    private static String query(LoggedRequest request, String name) {
        return request.queryParameter(name).firstValue();
    }

    private static JsonNode paramJson(LoggedRequest request) {
        try {
            return MarketSimulator.JSON.readTree(query(request, "param_json"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
