package dev.subsidy.connector.partners.markets;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.subsidy.connector.api.Checkpoint;
import dev.subsidy.connector.api.PullConnector;
import dev.subsidy.connector.testkit.PollLoop;
import dev.subsidy.simulators.markets.MarketSimulator;
import dev.subsidy.simulators.markets.TopSimulator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@code config/connectors/examples/taobao-orders.yml} against TOP's simulator, mapped by {@code taobao-trades}. */
class TaobaoOrdersTest extends MarketContractTest {

    @Override
    protected String definitionFile() {
        return "taobao-orders.yml";
    }

    @Override
    protected Map<String, String> environment() {
        return Map.of("TAOBAO_APP_SECRET", "tb-secret-8c1e55d0", "TAOBAO_SESSION", "tb-session-61023f");
    }

    /** The environment variable of the app secret, and of the session. */
    protected String[] secretNames() {
        return new String[] {"TAOBAO_APP_SECRET", "TAOBAO_SESSION"};
    }

    @Override
    protected MarketSimulator simulator() {
        return new TopSimulator(clock(), environment().get(secretNames()[0]), environment().get(secretNames()[1]));
    }

    @Override
    protected String idField() {
        return "tid_str";
    }

    @Override
    protected String fixtures() {
        return "taobao";
    }

    @Override
    protected Optional<String> tooLongWindow() {
        return Optional.of("25h");
    }

    @Test
    void yuanStringsRefundsAndClosedTradesStayExact() throws Exception {
        List<ObjectNode> orders = readAndMap();

        assertThat(order(orders, "3719284756102939").path("refundedAmount").asText()).as("two refunded sub-orders").isEqualTo("0.30");
        assertThat(order(orders, "3719284756102939").path("waybills")).as("invoice_no per parcel, once each")
                .extracting(n -> n.asText()).containsExactly("SF:SF1234567890123", "YTO:YT1234567890123");
        assertThat(order(orders, "3719284756102940").path("status").asText()).as("TRADE_CLOSED after payment").isEqualTo("REFUNDED");
        assertThat(order(orders, "3719284756102940").path("refundedAmount").asText()).isEqualTo("58.00");
        assertThat(order(orders, "3719284756102943").path("status").asText()).as("closed before payment").isEqualTo("CANCELLED");
        assertThat(order(orders, "3719284756102944").path("amount").asText()).isEqualTo("0.01");
        assertThat(order(orders, "3719284756102944").has("refundedAmount")).as("a refund asked for is not a refund").isFalse();
        assertThat(orders).extracting(o -> o.path("orderId").asText()).as("a trade not paid yet is no sale")
                .doesNotContain("3719284756102942");
    }

    @Test
    void aWindowIsReadFromItsLastPageBackAfterAskingTheFirstForTheTotal() throws Exception {
        readAndMap();

        // four trades were modified between 03:00 and 03:30: pages 1 (the total), 2, then 1
        List<String> pages = partner().requests().stream()
                .filter(r -> form(r, "start_modified").equals("2026-03-02 03:00:00"))
                .map(r -> form(r, "page_no")).toList();
        assertThat(pages).containsExactly("1", "2", "1");
        LoggedRequest first = partner().requests().get(0);
        assertThat(form(first, "end_modified")).isEqualTo("2026-03-02 00:30:00");
        assertThat(form(first, "timestamp")).isEqualTo("2026-03-02 12:00:00");
    }

    @Test
    void withUseHasNextTheTotalGivesWayToHasNextAndForwardPagingReadsEverything() throws Exception {
        MarketSimulator simulator = simulator();
        simulator.serve(partner(), records(RECORD_COUNT));
        Map<String, String> settings = settings(partner().baseUrl());
        settings.put("params", settings.get("params") + ", use_has_next=true");
        settings.put("page_order", "forward");
        settings.remove("total_path");
        settings.put("has_next_path", "/trades_sold_increment_get_response/has_next");
        PullConnector connector = start(context(settings));

        PollLoop.Outcome outcome = PollLoop.toEnd(connector, Checkpoint.NONE, MAX_POLLS);

        assertThat(ids(outcome.records())).doesNotHaveDuplicates().hasSize(RECORD_COUNT);
    }

    private static String form(LoggedRequest request, String name) {
        return request.formParameters().get(name).firstValue();
    }
}
