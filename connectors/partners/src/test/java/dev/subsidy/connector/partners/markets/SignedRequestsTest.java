package dev.subsidy.connector.partners.markets;

import static org.assertj.core.api.Assertions.assertThat;

import dev.subsidy.connector.api.RequestSigner;
import dev.subsidy.connector.api.SignableRequest;
import dev.subsidy.connector.signers.DouyinSigner;
import dev.subsidy.connector.signers.JdJosSigner;
import dev.subsidy.connector.signers.PinduoduoSigner;
import dev.subsidy.connector.signers.TaobaoSigner;
import dev.subsidy.connector.testkit.Partner;
import dev.subsidy.connector.testkit.TestClock;
import dev.subsidy.simulators.markets.ChinaTime;
import dev.subsidy.simulators.markets.DouyinSimulator;
import dev.subsidy.simulators.markets.JosSimulator;
import dev.subsidy.simulators.markets.PddSimulator;
import dev.subsidy.simulators.markets.Signatures;
import dev.subsidy.simulators.markets.TopSimulator;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Requests with awkward values (blank and empty values, Chinese, newlines, {@code = & < > '}, nested
 * param_json) signed by the project's signers and sent over HTTP to the platforms' simulators, which
 * check them the way the platforms' own SDKs sign. A signer that drifts from its platform's SDK on such
 * values is refused here with the platform's signature error, not only in a unit test. Each test also
 * sends what the old, wrong rule signed, and sees it refused.
 */
class SignedRequestsTest {

    private static final Instant NOW = Instant.parse("2026-03-02T02:00:00Z");
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @RegisterExtension
    final Partner partner = new Partner();

    private final TestClock clock = TestClock.at(NOW);

    /** Blank, empty and tricky values any of the platforms may be sent. */
    private static Map<String, String> awkward() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("buyer_memo", "");
        p.put("seller_memo", " ");
        p.put("remark", "\n");
        p.put("label", "\u3000");
        p.put("shop_name", "从江 香猪\n旗舰店");
        p.put("note", "a=1&b=<2> 'c' +%");
        return p;
    }

    private static Map<String, String> signed(RequestSigner signer, Map<String, String> params, String secret) {
        Map<String, String> all = new LinkedHashMap<>(params);
        all.putAll(signer.sign(SignableRequest.builder().params(params).secret(secret).build()).params());
        return all;
    }

    private int post(String path, Map<String, String> form) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(partner.baseUrl() + path))
                .header("Content-Type", "application/x-www-form-urlencoded;charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(encode(form))).build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    private int get(String path, Map<String, String> query) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(partner.baseUrl() + path + "?" + encode(query))).GET().build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    private static String encode(Map<String, String> values) {
        return values.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    @Test
    void taobaoAcceptsTheSignersBlankValuesAndRefusesThemSigned() throws Exception {
        TopSimulator top = new TopSimulator(clock, "top-secret", "SESS");
        top.serveOrders(partner, List.of());
        Map<String, String> p = new LinkedHashMap<>();
        p.put("method", TopSimulator.METHOD);
        p.put("app_key", "12345678");
        p.put("session", "SESS");
        p.put("timestamp", ChinaTime.format(NOW));
        p.put("format", "json");
        p.put("v", "2.0");
        p.put("fields", "tid,payment,orders");
        p.put("start_modified", ChinaTime.format(NOW.minusSeconds(1800)));
        p.put("end_modified", ChinaTime.format(NOW));
        p.putAll(awkward());

        post("/router/rest", signed(new TaobaoSigner.Md5(), p, "top-secret"));
        post("/router/rest", signed(new TaobaoSigner.HmacSha256(), p, "top-secret"));
        assertThat(top.refusals()).isEmpty();

        // the rule before issue 13 signed " ", "\n" and U+3000
        Map<String, String> old = new LinkedHashMap<>(p);
        old.put("sign_method", "md5");
        old.put("sign", Signatures.md5Wrapped("top-secret", Signatures.everyParam(withoutEmpty(old))));
        post("/router/rest", old);
        assertThat(top.refusals()).containsExactly("25");
    }

    @Test
    void jdJosAcceptsTheSignersBlankValuesAndRefusesThemSigned() throws Exception {
        JosSimulator jos = new JosSimulator(clock, "jos-secret", "AT");
        jos.serveOrders(partner, List.of());
        Map<String, String> p = new LinkedHashMap<>();
        p.put("method", JosSimulator.METHOD);
        p.put("app_key", "D9F7B3C3E0A14E5C8D2B");
        p.put("access_token", "AT");
        p.put("timestamp", ChinaTime.format(NOW));
        p.put("v", "2.0");
        p.put("360buy_param_json", "{\"end_date\":\"" + ChinaTime.format(NOW) + "\",\"order_state\":\"WAIT_SELLER_STOCK_OUT\",\"page\":\"1\","
                + "\"page_size\":\"100\",\"remark\":\"从江 香猪 & <礼盒> = 'x'\",\"start_date\":\"" + ChinaTime.format(NOW.minusSeconds(3600)) + "\"}");
        p.putAll(awkward());

        post("/routerjson", signed(new JdJosSigner(), p, "jos-secret"));
        assertThat(jos.refusals()).isEmpty();

        Map<String, String> old = new LinkedHashMap<>(p);
        old.put("sign", Signatures.md5Wrapped("jos-secret", Signatures.everyParam(withoutEmpty(p))));
        post("/routerjson", old);
        assertThat(jos.refusals()).containsExactly("12");
    }

    @Test
    void pinduoduoAcceptsTheSignersEmptyValuesAndRefusesThemLeftOut() throws Exception {
        PddSimulator pdd = new PddSimulator(clock, "pdd-secret", "AT");
        pdd.serveOrders(partner, List.of());
        Map<String, String> p = new LinkedHashMap<>();
        p.put("type", PddSimulator.TYPE);
        p.put("client_id", "CID");
        p.put("access_token", "AT");
        p.put("timestamp", Long.toString(NOW.getEpochSecond()));
        p.put("data_type", "JSON");
        p.put("start_updated_at", Long.toString(NOW.getEpochSecond() - 1800));
        p.put("end_updated_at", Long.toString(NOW.getEpochSecond()));
        p.put("is_lucky_flag", "0");
        p.put("order_status", "5");
        p.put("refund_status", "5");
        p.putAll(awkward());

        post("/api/router", signed(new PinduoduoSigner(), p, "pdd-secret"));
        assertThat(pdd.refusals()).isEmpty();

        // the rule before issue 13 left the empty buyer_memo out
        Map<String, String> old = new LinkedHashMap<>(p);
        old.put("sign", Signatures.md5Wrapped("pdd-secret", Signatures.everyParam(withoutEmpty(p))));
        post("/api/router", old);
        assertThat(pdd.refusals()).containsExactly("20004");
    }

    @Test
    void douyinAcceptsTheSignersRewritingOfAnAwkwardParamJsonAndRefusesTheUnescapedOne() throws Exception {
        DouyinSimulator douyin = new DouyinSimulator(clock, "dy-secret", "AT");
        douyin.serveOrders(partner, List.of());
        String paramJson = "{\"update_time_start\":" + (NOW.getEpochSecond() - 3600) + ",\"update_time_end\":" + NOW.getEpochSecond()
                + ",\"page\":0,\"size\":100,\"remark\":\"= & < > ' 从江\\n香猪\",\"tags\":[{\"b\":1,\"a\":2},3],\"groups\":[[{\"d\":1,\"c\":2}]],"
                + "\"filter\":{\"z\":null,\"y\":[1,{\"q\":1,\"p\":2}]}}";
        Map<String, String> p = new LinkedHashMap<>();
        p.put("app_key", "7000000000000000000");
        p.put("method", DouyinSimulator.METHOD);
        p.put("access_token", "AT");
        p.put("timestamp", Long.toString(NOW.getEpochSecond()));
        p.put("v", "2");
        p.put("param_json", paramJson);

        get("/order/searchList", signed(new DouyinSigner.Md5(), p, "dy-secret"));
        get("/order/searchList", signed(new DouyinSigner.HmacSha256(), p, "dy-secret"));
        assertThat(douyin.refusals()).isEmpty();

        // the rule before issue 13: every level sorted, nothing escaped, "v" + v
        String unescaped = "{\"filter\":{\"y\":[1,{\"p\":2,\"q\":1}],\"z\":null},\"groups\":[[{\"c\":2,\"d\":1}]],\"page\":0,"
                + "\"remark\":\"= & < > ' 从江\\n香猪\",\"size\":100,\"tags\":[{\"a\":2,\"b\":1},3],\"update_time_end\":" + NOW.getEpochSecond()
                + ",\"update_time_start\":" + (NOW.getEpochSecond() - 3600) + "}";
        Map<String, String> old = new LinkedHashMap<>(p);
        old.put("param_json", unescaped);
        old.put("sign_method", "md5");
        old.put("sign", Signatures.md5("dy-secret" + "app_key" + p.get("app_key") + "method" + p.get("method") + "param_json" + unescaped
                + "timestamp" + p.get("timestamp") + "v2" + "dy-secret"));
        get("/order/searchList", old);
        assertThat(douyin.refusals()).containsExactly("30002");
    }

    private static Map<String, String> withoutEmpty(Map<String, String> params) {
        Map<String, String> kept = new LinkedHashMap<>(params);
        kept.values().removeIf(String::isEmpty);
        return kept;
    }
}
