package dev.subsidy.gateway.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.subsidy.connector.api.SignableRequest;
import dev.subsidy.connector.signers.DouyinSigner;
import dev.subsidy.connector.signers.TaobaoSigner;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The demo's 淘宝 TOP and 抖店 simulators: a call signed by the gateway's own signers is answered with
 * the window's orders in the platform's shape; a wrongly signed one gets the platform's error; windows
 * and pages behave as the platforms document. The simulators compute signatures with their own code,
 * so this also checks the signers against an independent computation.
 */
class SimulatedMarketplacesTest {

    private static final DemoFeeds FEEDS = MonthOfFeeds.generate();
    private static final DateTimeFormatter CHINA_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void topAnswersASignedCallWithTheWindowsTradesPagedOldestFirst() throws Exception {
        List<ObjectNode> trades = FEEDS.partners().taobaoTrades().stream().map(TaobaoTrades::of).toList();
        try (SimulatedTaobaoTop top = SimulatedTaobaoTop.start(trades, "top-secret", "shop-session", Clock.systemUTC())) {
            Map<String, String> p = topCall("2026-10-05 00:00:00", "2026-10-06 00:00:00", 1, 5);
            JsonNode first = postForm(top, signTop(p, "top-secret"));
            JsonNode reply = first.path("trades_sold_increment_get_response");
            long inWindow = trades.stream().map(t -> t.path("modified").asText())
                    .filter(m -> m.compareTo("2026-10-05 00:00:00") >= 0 && m.compareTo("2026-10-06 00:00:00") <= 0).count();
            assertThat(reply.path("total_results").asLong()).isEqualTo(inWindow).isGreaterThan(5);
            JsonNode page = reply.path("trades").path("trade");
            assertThat(page).hasSize(5);
            assertThat(page.get(0).path("payment").isTextual()).isTrue();
            assertThat(page.get(0).path("orders").path("order").get(0).path("payment").isTextual()).isTrue();
            assertThat(page.get(0).path("modified").asText()).isLessThanOrEqualTo(page.get(4).path("modified").asText());
            assertThat(page.get(0).has("type")).as("only the asked fields").isFalse();

            JsonNode wrong = postForm(top, signTop(p, "another-secret"));
            assertThat(wrong.path("error_response").path("code").asInt()).isEqualTo(25);
            assertThat(wrong.path("error_response").path("msg").asText()).isEqualTo("Invalid signature");

            JsonNode tooLong = postForm(top, signTop(topCall("2026-10-05 00:00:00", "2026-10-06 00:00:01", 1, 5),
                    "top-secret"));
            assertThat(tooLong.path("error_response").path("code").asInt()).isEqualTo(15);
            assertThat(tooLong.path("error_response").path("sub_code").asText()).isEqualTo("isv.invalid-parameter");

            SimulatedMarketplace.Report report = top.report();
            assertThat(report.requests()).isEqualTo(3);
            assertThat(report.signaturesVerified()).isEqualTo(2);
            assertThat(report.refusals()).containsExactly("25 Invalid signature", "15 Remote service error");
            assertThat(report.distinctServed()).isEqualTo(5);
        }
    }

    @Test
    void douyinAnswersASignedCallInFenAndUnixSecondsAndRefusesAWrongSignature() throws Exception {
        List<ObjectNode> orders = FEEDS.partners().douyinOrders().stream().map(DouyinShopOrders::of).toList();
        try (SimulatedDouyinShop douyin = SimulatedDouyinShop.start(orders, "dy-secret", "dy-token", Clock.systemUTC())) {
            long start = LocalDateTime.of(2026, 10, 5, 0, 0).toEpochSecond(MonthOfFeeds.CST);
            String json = "{\"order_asc\":true,\"order_by\":\"update_time\",\"page\":0,\"size\":100,\"update_time_end\":"
                    + (start + 86_400) + ",\"update_time_start\":" + start + "}";
            JsonNode ok = get(douyin, signDouyin(json, "dy-secret"));
            assertThat(ok.path("code").asInt()).isEqualTo(10000);
            JsonNode list = ok.path("data").path("shop_order_list");
            assertThat(list.size()).isEqualTo(ok.path("data").path("total").asInt()).isGreaterThan(0);
            assertThat(list.get(0).path("pay_amount").isIntegralNumber()).isTrue();
            assertThat(list.get(0).path("update_time").asLong()).isBetween(start, start + 86_400);

            JsonNode wrong = get(douyin, signDouyin(json, "not-the-secret"));
            assertThat(wrong.path("code").asInt()).isEqualTo(30002);
            assertThat(douyin.report().refusals()).containsExactly("30002 签名错误");
            assertThat(douyin.report().signaturesVerified()).isEqualTo(1);
        }
    }

    private static Map<String, String> topCall(String start, String end, int page, int size) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("method", SimulatedTaobaoTop.METHOD);
        p.put("app_key", SimulatedTaobaoTop.APP_KEY);
        p.put("v", "2.0");
        p.put("format", "json");
        p.put("fields", "tid,tid_str,status,payment,pay_time,modified,seller_nick,orders");
        p.put("session", "shop-session");
        p.put("timestamp", CHINA_TIME.format(LocalDateTime.now(MonthOfFeeds.CST)));
        p.put("start_modified", start);
        p.put("end_modified", end);
        p.put("page_no", Integer.toString(page));
        p.put("page_size", Integer.toString(size));
        return p;
    }

    /** Signed by the gateway's own TOP signer. */
    private static Map<String, String> signTop(Map<String, String> params, String secret) {
        Map<String, String> signed = new LinkedHashMap<>(params);
        signed.putAll(new TaobaoSigner.Md5().sign(SignableRequest.builder().params(params).secret(secret).build()).params());
        return signed;
    }

    /** Signed by the gateway's own 抖店 signer. */
    private static Map<String, String> signDouyin(String paramJson, String secret) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("method", SimulatedDouyinShop.METHOD);
        p.put("app_key", SimulatedDouyinShop.APP_KEY);
        p.put("v", "2");
        p.put("access_token", "dy-token");
        p.put("timestamp", Long.toString(System.currentTimeMillis() / 1000));
        p.put("param_json", paramJson);
        p.putAll(new DouyinSigner.Md5().sign(SignableRequest.builder().params(p).secret(secret).build()).params());
        return p;
    }

    private JsonNode postForm(SimulatedMarketplace simulator, Map<String, String> params) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(simulator.baseUrl() + SimulatedTaobaoTop.PATH))
                .header("Content-Type", "application/x-www-form-urlencoded;charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(form(params))).build();
        return SimulatedMarketplace.JSON.readTree(http.send(request, HttpResponse.BodyHandlers.ofString()).body());
    }

    private JsonNode get(SimulatedMarketplace simulator, Map<String, String> params) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(simulator.baseUrl() + SimulatedDouyinShop.PATH + "?"
                + form(params))).GET().build();
        return SimulatedMarketplace.JSON.readTree(http.send(request, HttpResponse.BodyHandlers.ofString()).body());
    }

    private static String form(Map<String, String> params) {
        return params.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }
}
