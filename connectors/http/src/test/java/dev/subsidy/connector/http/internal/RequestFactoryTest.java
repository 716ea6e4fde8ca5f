package dev.subsidy.connector.http.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.subsidy.connector.api.HttpCall;
import dev.subsidy.connector.api.RequestSigner;
import dev.subsidy.connector.api.SignableRequest;
import dev.subsidy.connector.http.HttpPullSettings;
import dev.subsidy.connector.testkit.TestClock;
import dev.subsidy.connector.testkit.TestConnectorContext;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Requests as built for each parameter placement and authentication. */
class RequestFactoryTest {

    private static final Instant NOW = Instant.parse("2026-03-02T04:00:00Z");

    private static HttpCall build(Map<String, String> settings, Map<String, Object> dynamic) {
        Map<String, String> s = new HashMap<>(settings);
        s.putIfAbsent("base_url", "https://partner.example.com/api/");
        TestConnectorContext context = TestConnectorContext.builder(HttpPullSettings.CONFIG_DEF).settings(s).clock(TestClock.at(NOW)).build();
        AuthSpec auth = AuthSpec.from(context.config());
        RequestSigner signer = auth instanceof AuthSpec.Signed signed ? context.signer(signed.signer()) : null;
        return new RequestFactory(RequestSpec.from(context.config()), auth, signer, context, new ObjectMapper()).build(dynamic);
    }

    private static Map<String, String> decode(String encoded) {
        if (encoded == null || encoded.isEmpty()) {
            return Map.of();
        }
        return Arrays.stream(encoded.split("&")).map(p -> p.split("=", 2)).collect(Collectors.toMap(
                p -> URLDecoder.decode(p[0], StandardCharsets.UTF_8), p -> URLDecoder.decode(p[1], StandardCharsets.UTF_8),
                (a, b) -> b, LinkedHashMap::new));
    }

    /** Settings from name, value, name, value, … (more than Map.of takes). */
    private static Map<String, String> pairs(String... nameValues) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < nameValues.length; i += 2) {
            m.put(nameValues[i], nameValues[i + 1]);
        }
        return m;
    }

    private static RequestSigner signer(String name) {
        return ServiceLoader.load(RequestSigner.class).stream().map(ServiceLoader.Provider::get)
                .filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void queryParametersJoinThePathAndStaticOnes() {
        HttpCall call = build(Map.of("path", "/orders", "params", "fields=tid,modified, v=2.0", "headers", "Accept=application/json"),
                Map.of("page", 3L));

        assertThat(call.method()).isEqualTo("GET");
        assertThat(call.uri().getPath()).isEqualTo("/api/orders");
        assertThat(decode(call.uri().getRawQuery())).containsExactly(
                Map.entry("fields", "tid,modified"), Map.entry("v", "2.0"), Map.entry("page", "3"));
        assertThat(call.headers()).containsEntry("Accept", java.util.List.of("application/json"));
        assertThat(call.body()).isEmpty();
    }

    @Test
    void basicAuthenticationIsAnAuthorizationHeader() {
        HttpCall call = build(Map.of("auth", "basic", "auth_username", "county", "auth_password", "pw:1"), Map.of());

        assertThat(call.headers().get("Authorization")).containsExactly(
                "Basic " + java.util.Base64.getEncoder().encodeToString("county:pw:1".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void anApiKeyGoesInTheQueryWhenAsked() {
        HttpCall call = build(Map.of("auth", "api_key", "auth_token", "k-1", "auth_token_name", "appkey", "auth_token_in", "query"), Map.of());

        assertThat(decode(call.uri().getRawQuery())).containsEntry("appkey", "k-1");
        assertThat(call.headers()).doesNotContainKey("appkey");
    }

    @Test
    void jsonBodiesKeepNumbersAndStaticQueryStaysInTheUrl() throws Exception {
        HttpCall call = build(Map.of("method", "POST", "params_in", "json", "params", "order_status=2", "query", "v=2"),
                new LinkedHashMap<>(Map.of("page", 0L)));

        assertThat(new String(call.body(), StandardCharsets.UTF_8)).isEqualTo("{\"order_status\":\"2\",\"page\":0}");
        assertThat(call.headers().get("Content-Type")).containsExactly("application/json;charset=UTF-8");
        assertThat(call.uri().getRawQuery()).isEqualTo("v=2");
    }

    @Test
    void aZtoJsonBodyIsSignedWholeInAHeader() {
        HttpCall call = build(Map.of("method", "POST", "params_in", "json", "path", "/zto.merchant.waybill.track.query",
                        "headers", "x-appKey=app-1", "params", "billCode=73100000000001",
                        "auth", "signer", "signer", "zto", "signer_secret", "zto-secret"),
                Map.of());

        String body = new String(call.body(), StandardCharsets.UTF_8);
        String expected = signer("zto").sign(SignableRequest.builder().body(body).secret("zto-secret").build()).headers().get("x-dataDigest");
        assertThat(call.headers().get("x-dataDigest")).containsExactly(expected);
        assertThat(call.headers().get("x-appKey")).containsExactly("app-1");
    }

    @Test
    void aTaobaoFormIsSignedOverEveryParameterWithSessionAndTimestamp() {
        HttpCall call = build(Map.of("method", "POST", "params_in", "form", "params", "method=taobao.trades.sold.get, app_key=1, v=2.0",
                        "auth", "signer", "signer", "taobao-md5", "signer_secret", "tb", "auth_token", "sess",
                        "auth_token_name", "session", "signer_timestamp_param", "timestamp"),
                Map.of("page_no", 1L));

        Map<String, String> form = new LinkedHashMap<>(decode(new String(call.body(), StandardCharsets.UTF_8)));
        assertThat(form).containsEntry("session", "sess").containsEntry("timestamp", "2026-03-02 12:00:00")
                .containsEntry("sign_method", "md5").containsKey("sign");
        String sign = form.remove("sign");
        assertThat(signer("taobao-md5").sign(SignableRequest.builder().params(form).secret("tb").build()).params().get("sign"))
                .isEqualTo(sign);
        assertThat(call.uri()).isEqualTo(URI.create("https://partner.example.com/api/"));
    }

    @Test
    void withAJsonBodyTheSignatureAndTimestampTravelInTheQuery() {
        HttpCall call = build(Map.of("method", "POST", "params_in", "json", "query", "app_key=k, v=2",
                        "auth", "signer", "signer", "pinduoduo", "signer_secret", "pdd",
                        "signer_timestamp_param", "timestamp", "signer_timestamp_format", "unix_seconds"),
                Map.of("page", 1L));

        Map<String, String> query = new LinkedHashMap<>(decode(call.uri().getRawQuery()));
        assertThat(query).containsEntry("timestamp", Long.toString(NOW.getEpochSecond())).containsKey("sign");
        String sign = query.remove("sign");
        assertThat(signer("pinduoduo").sign(SignableRequest.builder().params(query).secret("pdd").build()).params().get("sign"))
                .isEqualTo(sign);
    }

    @Test
    void aJdJosRequestCarriesPagingAndWindowInsideItsParamJsonAndSignsItFlat() {
        HttpCall call = build(pairs("method", "POST", "params_in", "form", "params", "method=jingdong.pop.order.search, app_key=jd-app, v=2.0",
                        "json_param", "360buy_param_json", "json_param_base", "{\"order_state\": \"WAIT_SELLER_STOCK_OUT,FINISHED_L\"}",
                        "auth", "signer", "signer", "jd-jos", "signer_secret", "jd-secret", "auth_token", "jd-token",
                        "auth_token_name", "access_token", "signer_timestamp_param", "timestamp"),
                new LinkedHashMap<>(Map.of("start_date", "2026-03-02 08:00:00", "end_date", "2026-03-02 09:00:00", "page", 2L, "page_size", 100L)));

        Map<String, String> form = new LinkedHashMap<>(decode(new String(call.body(), StandardCharsets.UTF_8)));
        assertThat(form).containsOnlyKeys("method", "app_key", "v", "360buy_param_json", "access_token", "timestamp", "sign");
        assertThat(form.get("360buy_param_json")).as("keys sorted, numbers kept, static members first merged")
                .isEqualTo("{\"end_date\":\"2026-03-02 09:00:00\",\"order_state\":\"WAIT_SELLER_STOCK_OUT,FINISHED_L\","
                        + "\"page\":2,\"page_size\":100,\"start_date\":\"2026-03-02 08:00:00\"}");
        String sign = form.remove("sign");
        assertThat(signer("jd-jos").sign(SignableRequest.builder().params(form).secret("jd-secret").build()).params().get("sign"))
                .as("the JSON text is signed exactly as sent").isEqualTo(sign);
    }

    @Test
    void aDouyinParamJsonKeepsTypedStaticMembersAndUnixSecondsAsNumbers() {
        HttpCall call = build(pairs("params", "method=order.searchList, app_key=dy-app, v=2",
                        "json_param", "param_json", "json_param_base", "{\"order_by\": \"update_time\", \"order_asc\": true, \"page\": 99}",
                        "auth", "signer", "signer", "douyin-md5", "signer_secret", "dy-secret", "auth_token", "dy-token",
                        "auth_token_name", "access_token", "signer_timestamp_param", "timestamp", "signer_timestamp_format", "unix_seconds"),
                new LinkedHashMap<>(Map.of("update_time_start", 1772409600L, "update_time_end", 1772413200L, "page", 0L, "size", 100L)));

        Map<String, String> query = decode(call.uri().getRawQuery());
        assertThat(query.get("param_json")).as("a dynamic member replaces a static one of the same name")
                .isEqualTo("{\"order_asc\":true,\"order_by\":\"update_time\",\"page\":0,\"size\":100,"
                        + "\"update_time_end\":1772413200,\"update_time_start\":1772409600}");
        assertThat(query).containsEntry("timestamp", Long.toString(NOW.getEpochSecond())).containsEntry("sign_method", "md5")
                .doesNotContainKeys("page", "size", "update_time_start");
    }

    @Test
    void withoutAJsonParamPagingStaysFlat() {
        HttpCall call = build(Map.of(), Map.of("page", 1L));

        assertThat(decode(call.uri().getRawQuery())).containsExactly(Map.entry("page", "1"));
    }
}
