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
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.subsidy.connector.api.Checkpoint;
import dev.subsidy.connector.api.ConnectorProvider;
import dev.subsidy.connector.api.HttpTransport;
import dev.subsidy.connector.api.PullConnector;
import dev.subsidy.connector.api.RequestSigner;
import dev.subsidy.connector.api.SignableRequest;
import dev.subsidy.connector.api.SourceRecord;
import dev.subsidy.connector.testkit.Partner;
import dev.subsidy.connector.testkit.PartnerApi;
import dev.subsidy.connector.testkit.PollLoop;
import dev.subsidy.connector.testkit.PullConnectorContractTest;
import dev.subsidy.connector.testkit.TestRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

/**
 * {@code http-pull} configured for Taobao TOP's {@code taobao.trades.sold.increment.get}: form POST,
 * {@code taobao-md5} signature with session and timestamp, modified-time windows in China local time,
 * pages read backwards from the last one, errors in {@code error_response}. The simulator checks the
 * signature and the session the way TOP does (HTTP 200 with an error body).
 */
class TaobaoIncrementContractTest extends PullConnectorContractTest {

    static final String APP_SECRET = "tb-secret-8c1e55d0";
    static final String SESSION = "tb-session-61023f";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** TOP's gateway for one API: windows on start_modified/end_modified, pages page_no/page_size. */
    static final class TopApi implements PartnerApi {

        private final RequestSigner signer = ServiceLoader.load(RequestSigner.class).stream().map(ServiceLoader.Provider::get)
                .filter(s -> s.name().equals("taobao-md5")).findFirst().orElseThrow();

        @Override
        public void serve(Partner partner, List<TestRecord> records) {
            partner.respond(anyCall(), request -> answer(request, records));
        }

        private ResponseDefinitionBuilder answer(Request request, List<TestRecord> records) {
            Map<String, String> form = new LinkedHashMap<>();
            request.formParameters().forEach((k, v) -> form.put(k, v.firstValue()));
            String sign = form.remove("sign");
            String expected = signer.sign(SignableRequest.builder().params(form).secret(APP_SECRET).build()).params().get("sign");
            if (!expected.equals(sign)) {
                return error(25, "Invalid signature");
            }
            if (!SESSION.equals(form.get("session"))) {
                return error(27, "Invalid session");
            }
            List<TestRecord> inWindow = Slices.inWindow(records,
                    Slices.chinaLocal(form.get("start_modified")), Slices.chinaLocal(form.get("end_modified")));
            int size = Integer.parseInt(form.get("page_size"));
            List<TestRecord> page = Slices.page(inWindow, Long.parseLong(form.get("page_no")), 1, size);
            ObjectNode body = JSON.createObjectNode();
            ObjectNode reply = body.putObject("trades_sold_increment_get_response");
            reply.put("total_results", inWindow.size());
            if (!page.isEmpty()) {
                ArrayNode trades = reply.putObject("trades").putArray("trade");
                page.forEach(r -> trades.addObject().put("tid", r.id()).put("modified", Slices.chinaLocal(r.modified())).put("payment", "200.07"));
            }
            return aResponse().withStatus(200).withHeader("Content-Type", "application/json;charset=UTF-8").withBody(body.toString());
        }

        private static ResponseDefinitionBuilder error(int code, String msg) {
            return aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                    .withBody("{\"error_response\":{\"code\":" + code + ",\"msg\":\"" + msg + "\"}}");
        }

        @Override
        public MappingBuilder anyCall() {
            return post(urlPathEqualTo("/router/rest"));
        }
    }

    static Map<String, String> topSettings(String baseUrl, Instant now) {
        Map<String, String> s = new HashMap<>();
        s.put("base_url", baseUrl);
        s.put("path", "/router/rest");
        s.put("method", "POST");
        s.put("params_in", "form");
        s.put("params", "method=taobao.trades.sold.increment.get, app_key=12345678, v=2.0, format=json, fields=tid,modified,payment");
        s.put("auth", "signer");
        s.put("signer", "taobao-md5");
        s.put("signer_secret", APP_SECRET);
        s.put("auth_token", SESSION);
        s.put("auth_token_name", "session");
        s.put("signer_timestamp_param", "timestamp");
        s.put("signer_timestamp_format", "china_local");
        s.put("pagination", "page_number");
        s.put("page_param", "page_no");
        s.put("page_size_param", "page_size");
        s.put("page_size", "2");
        s.put("page_order", "backward");
        s.put("total_path", "/trades_sold_increment_get_response/total_results");
        s.put("records_path", "/trades_sold_increment_get_response/trades/trade");
        s.put("window_start_param", "start_modified");
        s.put("window_end_param", "end_modified");
        s.put("window_time_format", "china_local");
        s.put("window_start_at", now.minus(Duration.ofHours(12)).atOffset(java.time.ZoneOffset.ofHours(8)).toString());
        s.put("window_max", "4h");
        s.put("error_code_path", "/error_response/code");
        s.put("error_message_path", "/error_response/msg");
        s.put("rate_limited_codes", "7");
        s.put("unauthorized_codes", "25, 26, 27, 53");
        return s;
    }

    @Override
    protected ConnectorProvider provider() {
        return new HttpPullProvider();
    }

    @Override
    protected Map<String, String> settings(String baseUrl) {
        return topSettings(baseUrl, now());
    }

    @Override
    protected Optional<Map<String, String>> settingsWithWrongCredentials(String baseUrl) {
        Map<String, String> s = topSettings(baseUrl, now());
        s.put("signer_secret", "not-the-app-secret");
        return Optional.of(s);
    }

    @Override
    protected PartnerApi partnerApi() {
        return new TopApi();
    }

    @Override
    protected HttpTransport transport() {
        return new ApacheHttpTransport();
    }

    @Override
    protected String idOf(SourceRecord record) {
        try {
            return JSON.readTree(((SourceRecord.Json) record).json()).path("tid").asText();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void readsEachWindowFromTheLastPageToTheFirstAfterAskingTheFirstForTheTotal() throws Exception {
        // five records in the first 4h window: three pages of 2
        Instant windowStart = now().minus(Duration.ofHours(12));
        List<TestRecord> records = List.of(
                new TestRecord("t1", windowStart.plusSeconds(600)), new TestRecord("t2", windowStart.plusSeconds(1200)),
                new TestRecord("t3", windowStart.plusSeconds(1800)), new TestRecord("t4", windowStart.plusSeconds(2400)),
                new TestRecord("t5", windowStart.plusSeconds(3000)));
        partnerApi().serve(partner(), records);
        PullConnector connector = start(context(settings(partner().baseUrl())));

        PollLoop.Outcome outcome = PollLoop.toEnd(connector, Checkpoint.NONE, MAX_POLLS);

        List<String> firstWindowPages = partner().requests().stream()
                .filter(r -> r.formParameters().get("start_modified").firstValue().equals(Slices.chinaLocal(windowStart)))
                .map(r -> r.formParameters().get("page_no").firstValue()).toList();
        assertThat(firstWindowPages).as("probe page 1, then pages 3, 2, 1").containsExactly("1", "3", "2", "1");
        assertThat(ids(outcome.records())).containsExactly("t5", "t3", "t4", "t1", "t2");
        assertThat(outcome.records().get(0).position())
                .isEqualTo("window " + windowStart + "/" + windowStart.plus(Duration.ofHours(4)) + ", page 3, item 1");
        assertThat(outcome.batches().get(0).checkpoint().asMap()).containsOnlyKeys("window_start", "window_end", "page")
                .containsEntry("page", "2");
    }

    @Test
    void signsEveryRequestWithAFreshTimestampAndTheSessionAndKeepsMoneyExact() throws Exception {
        partnerApi().serve(partner(), records(3));
        PullConnector connector = start(context(settings(partner().baseUrl())));

        PollLoop.Outcome outcome = PollLoop.toEnd(connector, Checkpoint.NONE, MAX_POLLS);

        LoggedRequest first = partner().requests().get(0);
        assertThat(first.formParameters()).containsKeys("sign", "sign_method", "timestamp", "session", "app_key", "method");
        assertThat(first.formParameters().get("timestamp").firstValue()).isEqualTo(Slices.chinaLocal(now()));
        JsonNode record = JSON.readTree(((SourceRecord.Json) outcome.records().get(0)).json());
        assertThat(record.get("payment").asText()).as("yuan strings stay strings").isEqualTo("200.07");
    }
}
