package dev.subsidy.simulators.markets;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.http.Request;
import dev.subsidy.connector.testkit.TestRecord;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Douyin shop open platform (抖店), {@code order.searchList} at {@code GET /order/searchList}
 * (docs/partners.md): {@code app_key}, {@code method}, {@code access_token}, {@code timestamp},
 * {@code v=2}, {@code sign_method}, {@code sign} and the business parameters as one JSON text,
 * {@code param_json}, all in the query.
 * <ul>
 *   <li>signature: s = secret + "app_key"k + "method"m + "param_json"pj + "timestamp"t + "v2" + secret,
 *       pj being param_json rewritten as the platform's SDK rewrites it (keys sorted, Gson's escaping),
 *       {@code sign} = lower hex MD5(s) for {@code md5}, HMAC-SHA256(secret, s) for {@code hmac-sha256};
 *       every reply has {@code code} (10000: success) and {@code msg}. The error codes of the stored
 *       material stop there, so these are plausible, not confirmed: 30002 for a wrong signature, 30001
 *       for a wrong access_token, 40004 for a refused parameter, 90000 for the call limit;</li>
 *   <li>business parameters: {@code update_time_start}/{@code update_time_end} (or
 *       {@code create_time_*}) in unix seconds, the end after the start; {@code page} from 0;
 *       {@code size} from 1 to 100; {@code order_by}, {@code order_asc}. No longest window is
 *       enforced: none is documented in the stored material;</li>
 *   <li>reply: {@code data.shop_order_list}, {@code data.total}, {@code data.page}, {@code data.size}.</li>
 * </ul>
 * Orders carry amounts as integer fen and times as unix seconds.
 */
public final class DouyinSimulator extends MarketSimulator {

    public static final String PATH = "/order/searchList";
    public static final String METHOD = "order.searchList";

    private final String appSecret;
    private final String accessToken;

    public DouyinSimulator(Clock clock, String appSecret, String accessToken) {
        super(clock);
        this.appSecret = appSecret;
        this.accessToken = accessToken;
    }

    @Override
    public MappingBuilder anyCall() {
        return get(urlPathEqualTo(PATH));
    }

    @Override
    protected Map<String, String> params(Request request) {
        return queryParams(request);
    }

    @Override
    protected Optional<Refusal> authenticate(Map<String, String> p) {
        String signedParamJson;
        try {
            signedParamJson = Signatures.douyinParamJson(p.getOrDefault("param_json", "{}"));
        } catch (RuntimeException e) {
            return Optional.of(error(40004, "参数不合法", "isv.parameter-invalid:param_json", "param_json不是合法的JSON对象"));
        }
        // the version is signed as the fixed text "v2", whatever v says (the platform's SDK); v itself is checked below
        String s = appSecret + "app_key" + p.get("app_key") + "method" + p.get("method") + "param_json" + signedParamJson
                + "timestamp" + p.get("timestamp") + "v2" + appSecret;
        String expected = switch (p.getOrDefault("sign_method", "md5")) {
            case "md5" -> Signatures.md5(s);
            case "hmac-sha256" -> Signatures.hmac("HmacSHA256", appSecret, s);
            default -> null;
        };
        if (expected == null || !expected.equals(p.get("sign"))) {
            return Optional.of(error(30002, "签名错误", "isv.signature-invalid", "签名校验失败"));
        }
        if (!METHOD.equals(p.get("method")) || !"2".equals(p.get("v"))) {
            return Optional.of(error(40004, "参数不合法", "isv.parameter-invalid", "method或v不正确"));
        }
        if (!accessToken.equals(p.get("access_token"))) {
            return Optional.of(error(30001, "access_token不存在或已过期", "isv.access-token-no-existed", "请使用最新的access_token访问"));
        }
        return Optional.empty();
    }

    @Override
    protected Refusal limited() {
        return error(90000, "调用频率超限", "isv.api-flow-control", "调用太频繁，请稍后再试");
    }

    @Override
    protected ObjectNode answer(Map<String, String> p) {
        JsonNode q;
        try {
            q = JSON.readTree(p.getOrDefault("param_json", "{}"));
        } catch (IOException e) {
            return refuse(error(40004, "参数不合法", "isv.parameter-invalid:param_json", "param_json不是合法的JSON"));
        }
        boolean byUpdate = q.has("update_time_start");
        String prefix = byUpdate ? "update_time" : "create_time";
        long start = q.path(prefix + "_start").asLong(-1);
        long end = q.path(prefix + "_end").asLong(-1);
        long page = q.path("page").asLong(-1);
        long size = q.path("size").asLong(-1);
        if (start < 0 || end <= start || page < 0 || size < 1 || size > 100) {
            return refuse(error(40004, "参数不合法", "isv.parameter-invalid", "时间范围不正确，page从0开始，size在1到100之间"));
        }
        boolean ascending = q.path("order_asc").asBoolean(false);
        List<ObjectNode> matching = byUpdate
                ? inWindow(Instant.ofEpochSecond(start), Instant.ofEpochSecond(end), ascending)
                : orders.inWindow(Instant.MIN, Instant.MAX, ascending).stream()
                        .filter(o -> o.path("create_time").asLong() >= start && o.path("create_time").asLong() <= end).toList();

        ObjectNode body = JSON.createObjectNode();
        body.put("code", 10000).put("msg", "success").put("sub_code", "").put("sub_msg", "").put("log_id", requestId());
        ObjectNode data = body.putObject("data");
        ArrayNode list = data.putArray("shop_order_list");
        page(matching, page, 0, (int) size).forEach(list::add);
        data.put("page", page).put("size", size).put("total", matching.size());
        return body;
    }

    @Override
    protected Instant modifiedOf(ObjectNode order) {
        if (!order.path("update_time").canConvertToLong()) {
            throw new IllegalArgumentException("an order without update_time: " + order);
        }
        return Instant.ofEpochSecond(order.path("update_time").asLong());
    }

    @Override
    protected ObjectNode orderOf(TestRecord record) {
        long updated = record.modified().getEpochSecond();
        ObjectNode o = JSON.createObjectNode();
        o.put("order_id", record.id());
        o.put("shop_id", 4463798);
        o.put("order_status", 3);
        o.put("order_status_desc", "已发货");
        o.put("pay_amount", 12345);
        o.put("create_time", updated - 3700);
        o.put("pay_time", updated - 3600);
        o.put("update_time", updated);
        o.putArray("logistics_info").addObject().put("tracking_no", "SF" + String.format("%013d", Math.abs(record.id().hashCode())))
                .put("company", "shunfeng");
        return o;
    }

    private Refusal error(int code, String msg, String subCode, String subMsg) {
        ObjectNode body = JSON.createObjectNode();
        body.put("code", code).put("msg", msg).put("sub_code", subCode).put("sub_msg", subMsg).put("log_id", requestId());
        body.putObject("data");
        return new Refusal(Integer.toString(code), body);
    }
}
