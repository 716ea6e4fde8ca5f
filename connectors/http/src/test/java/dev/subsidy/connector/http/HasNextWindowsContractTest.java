package dev.subsidy.connector.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import dev.subsidy.connector.api.Checkpoint;
import dev.subsidy.connector.api.ConnectorProvider;
import dev.subsidy.connector.api.PullConnector;
import dev.subsidy.connector.testkit.Partner;
import dev.subsidy.connector.testkit.PartnerApi;
import dev.subsidy.connector.testkit.PollLoop;
import dev.subsidy.connector.testkit.PullConnectorContractTest;
import dev.subsidy.connector.testkit.TestRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * {@code http-pull} on a Douyin-like search API: JSON POST {@code {"update_time_start":…,
 * "update_time_end":…, "page":0, "size":2}} in unix seconds, pages counted from 0 and read forward
 * until {@code /data/has_more} is false, records at {@code /data/list}, an access key in the query,
 * errors as {@code code}/{@code msg} with 10000 for success.
 */
class HasNextWindowsContractTest extends PullConnectorContractTest {

    private static final String KEY = "dy-access-39f0aa";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The order search. */
    static final class OrderSearchApi implements PartnerApi {
        @Override
        public void serve(Partner partner, List<TestRecord> records) {
            partner.respond(anyCall(), request -> {
                if (!KEY.equals(request.queryParameter("access_key").firstValue())) {
                    return aResponse().withStatus(200).withBody("{\"code\":30002,\"msg\":\"access_token invalid\"}");
                }
                JsonNode q;
                try {
                    q = JSON.readTree(request.getBodyAsString());
                } catch (Exception e) {
                    throw new AssertionError("body is not JSON", e);
                }
                if (!q.get("page").isIntegralNumber() || !q.get("update_time_start").isIntegralNumber()) {
                    throw new AssertionError("numbers must travel as JSON numbers: " + q);
                }
                List<TestRecord> inWindow = Slices.inWindow(records, Instant.ofEpochSecond(q.get("update_time_start").asLong()),
                        Instant.ofEpochSecond(q.get("update_time_end").asLong()));
                int size = q.get("size").asInt();
                long page = q.get("page").asLong();
                List<TestRecord> slice = Slices.page(inWindow, page, 0, size);
                ObjectNode body = JSON.createObjectNode().put("code", 10000).put("msg", "success");
                ObjectNode data = body.putObject("data");
                data.put("has_more", (page + 1) * size < inWindow.size());
                ArrayNode list = data.putArray("list");
                slice.forEach(r -> list.addObject().put("order_id", r.id()).put("update_time", r.modified().getEpochSecond()).put("pay_amount", 20007));
                return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body.toString());
            });
        }

        @Override
        public MappingBuilder anyCall() {
            return post(urlPathEqualTo("/order/searchList"));
        }
    }

    private static Map<String, String> searchSettings(String baseUrl, Instant now, String key) {
        Map<String, String> s = new HashMap<>();
        s.put("base_url", baseUrl);
        s.put("path", "/order/searchList");
        s.put("method", "POST");
        s.put("params_in", "json");
        s.put("auth", "api_key");
        s.put("auth_token", key);
        s.put("auth_token_name", "access_key");
        s.put("auth_token_in", "query");
        s.put("pagination", "page_number");
        s.put("page_start", "0");
        s.put("page_size_param", "size");
        s.put("page_size", "2");
        s.put("has_next_path", "/data/has_more");
        s.put("records_path", "/data/list");
        s.put("window_start_param", "update_time_start");
        s.put("window_end_param", "update_time_end");
        s.put("window_time_format", "unix_seconds");
        s.put("window_start_at", now.minus(Duration.ofHours(11)).toString().replace("Z", "+00:00"));
        s.put("window_max", "3h");
        s.put("error_code_path", "/code");
        s.put("error_message_path", "/msg");
        s.put("success_codes", "10000");
        s.put("unauthorized_codes", "30001, 30002");
        return s;
    }

    @Override
    protected ConnectorProvider provider() {
        return new HttpPullProvider();
    }

    @Override
    protected Map<String, String> settings(String baseUrl) {
        return searchSettings(baseUrl, now(), KEY);
    }

    @Override
    protected Optional<Map<String, String>> settingsWithWrongCredentials(String baseUrl) {
        return Optional.of(searchSettings(baseUrl, now(), "wrong-key"));
    }

    @Override
    protected PartnerApi partnerApi() {
        return new OrderSearchApi();
    }

    @Override
    protected String idOf(dev.subsidy.connector.api.SourceRecord record) {
        try {
            return JSON.readTree(((dev.subsidy.connector.api.SourceRecord.Json) record).json()).path("order_id").asText();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void stopsAWindowWhenHasMoreIsFalseWithoutAnEmptyCall() throws Exception {
        Instant start = now().minus(Duration.ofHours(11));
        partnerApi().serve(partner(), List.of(new TestRecord("a", start.plusSeconds(60)), new TestRecord("b", start.plusSeconds(120)),
                new TestRecord("c", start.plusSeconds(180))));
        PullConnector connector = start(context(settings(partner().baseUrl())));

        PollLoop.Outcome outcome = PollLoop.toEnd(connector, Checkpoint.NONE, MAX_POLLS);

        assertThat(ids(outcome.records())).containsExactly("a", "b", "c");
        // 11 hours in windows of 3: the first window's pages 0 and 1, then three windows of one call each
        assertThat(partner().requests()).hasSize(5);
        assertThat(partner().requests().get(1).getBodyAsString()).contains("\"page\":1");
        assertThat(outcome.checkpoint()).isEqualTo(Checkpoint.of("synced_until", now().toString()));
    }
}
