package dev.subsidy.connector.partners.markets;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.subsidy.simulators.markets.MarketSimulator;
import dev.subsidy.simulators.markets.PddSimulator;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@code config/connectors/examples/pinduoduo-orders.yml} against Pinduoduo's simulator, mapped by {@code pdd-orders}. */
class PinduoduoOrdersTest extends MarketContractTest {

    @Override
    protected String definitionFile() {
        return "pinduoduo-orders.yml";
    }

    @Override
    protected Map<String, String> environment() {
        return Map.of("PDD_CLIENT_SECRET", "pdd-secret-5e0b7a21", "PDD_ACCESS_TOKEN", "pdd-token-c4d81f");
    }

    @Override
    protected MarketSimulator simulator() {
        return new PddSimulator(clock(), environment().get("PDD_CLIENT_SECRET"), environment().get("PDD_ACCESS_TOKEN"));
    }

    @Override
    protected String idField() {
        return "order_sn";
    }

    @Override
    protected String fixtures() {
        return "pinduoduo";
    }

    /** The carrier ids an operator adds from pdd.logistics.companies.get (the example leaves them out). */
    @Override
    protected Map<String, String> mappingParams() {
        Map<String, String> params = new HashMap<>(super.mappingParams());
        params.put("logistics", "115=ZTO, 44=SF");
        return params;
    }

    @Override
    protected Optional<String> tooLongWindow() {
        return Optional.of("31m");
    }

    @Test
    void yuanNumbersStayExactAndRefundStatusFourIsARefund() throws Exception {
        List<ObjectNode> orders = readAndMap();

        assertThat(order(orders, "260302-000000000000001").path("amount").asText()).as("59.9 as a JSON number").isEqualTo("59.90");
        assertThat(order(orders, "260302-000000000000003").path("amount").asText()).as("0.1, never 0.1000000000000000055…")
                .isEqualTo("0.10");
        assertThat(order(orders, "260302-000000000000002").path("status").asText()).isEqualTo("REFUNDED");
        assertThat(order(orders, "260302-000000000000002").path("refundedAmount").asText()).isEqualTo("128.00");
        assertThat(order(orders, "260302-000000000000005").has("refundedAmount")).as("an after-sale in progress").isFalse();
        assertThat(order(orders, "260302-000000000000001").path("waybills").get(0).asText()).isEqualTo("ZTO:731234567890127");
        assertThat(order(orders, "260302-000000000000005").path("waybills").get(0).asText()).as("a carrier id not listed")
                .isEqualTo("OTHER:YD1234567890123");
    }

    @Test
    void everyCallIsOneFlatSignedFormWithUnixSecondsAndThirtyMinuteWindows() throws Exception {
        readAndMap();

        LoggedRequest first = partner().requests().get(0);
        assertThat(first.formParameters().keySet()).contains("type", "client_id", "access_token", "timestamp", "data_type",
                "version", "sign", "start_updated_at", "end_updated_at", "page", "page_size", "order_status", "refund_status");
        assertThat(form(first, "timestamp")).isEqualTo(Long.toString(now().getEpochSecond()));
        long start = Long.parseLong(form(first, "start_updated_at"));
        long end = Long.parseLong(form(first, "end_updated_at"));
        assertThat(end - start).isEqualTo(30 * 60);
        assertThat(Instant.ofEpochSecond(start)).isEqualTo(now().minusSeconds(12 * 3600));
        // three orders changed between 05:00 and 05:30: the total from page 1, then pages 2 and 1
        long window = Instant.parse("2026-03-01T21:00:00Z").getEpochSecond();
        assertThat(partner().requests().stream().filter(r -> form(r, "start_updated_at").equals(Long.toString(window)))
                .map(r -> form(r, "page"))).containsExactly("1", "2", "1");
    }

    private static String form(LoggedRequest request, String name) {
        return request.formParameters().get(name).firstValue();
    }
}
