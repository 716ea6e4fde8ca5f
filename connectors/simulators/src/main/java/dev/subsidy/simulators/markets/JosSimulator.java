package dev.subsidy.simulators.markets;

import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.http.Request;
import dev.subsidy.connector.testkit.TestRecord;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * JD open platform (JOS, 京东宙斯), {@code jingdong.pop.order.search} at {@code POST /routerjson}
 * (docs/partners.md): system parameters flat, business parameters in one JSON text,
 * {@code 360buy_param_json}, signed with them.
 * <ul>
 *   <li>signature: upper hex MD5(secret + sorted k+v + secret), blank values left out as JD's SDK does, else
 *       {@code {"error_response":{"code":"12","zh_desc":"无效签名","en_desc":"Invalid Signature"}}}; a wrong
 *       {@code access_token} is code 19 (the brief's code; not in the stored list of gateway codes); a
 *       {@code timestamp} more than 6 minutes off is code 8 (JD's published gateway codes);</li>
 *   <li>business parameters: {@code start_date}, {@code end_date} (China time, the end after the start),
 *       {@code order_state} (comma-separated, required), {@code page} from 1, {@code page_size} at most
 *       100, {@code optional_fields} (only those fields come back), {@code dateType} 0 by modification
 *       time; a refusal is {@code apiResult.success} false inside the ordinary reply (JD's business-error
 *       shape; the exact codes are not in the stored material). No longest window is enforced: none is
 *       documented in the stored material;</li>
 *   <li>reply: {@code jingdong_pop_order_search_responce} (JD's spelling) with
 *       {@code searchorderinfo_result.orderInfoList} and {@code orderTotal};</li>
 *   <li>call limit: code 2, "App Call Limited".</li>
 * </ul>
 * Orders carry {@code orderPayment} as a yuan string, {@code waybill} and {@code logisticsId}.
 */
public final class JosSimulator extends MarketSimulator {

    public static final String METHOD = "jingdong.pop.order.search";
    public static final String REPLY = "jingdong_pop_order_search_responce";
    private static final Duration TIMESTAMP_TOLERANCE = Duration.ofMinutes(6);

    private final String appSecret;
    private final String accessToken;

    public JosSimulator(Clock clock, String appSecret, String accessToken) {
        super(clock);
        this.appSecret = appSecret;
        this.accessToken = accessToken;
    }

    @Override
    public MappingBuilder anyCall() {
        return post(urlPathEqualTo("/routerjson"));
    }

    @Override
    protected Map<String, String> params(Request request) {
        return formParams(request);
    }

    @Override
    protected Optional<Refusal> authenticate(Map<String, String> p) {
        if (!Signatures.md5Wrapped(appSecret, Signatures.withoutBlankValues(p)).equals(p.get("sign"))) {
            return Optional.of(error("12", "无效签名", "Invalid Signature"));
        }
        if (!METHOD.equals(p.get("method"))) {
            return Optional.of(error("15", "不存在的方法名", "Invalid Method"));
        }
        if (!accessToken.equals(p.get("access_token"))) {
            return Optional.of(error("19", "无效access_token", "Invalid access_token"));
        }
        boolean fresh = ChinaTime.parse(p.get("timestamp"))
                .map(t -> Duration.between(t, clock.instant()).abs().compareTo(TIMESTAMP_TOLERANCE) <= 0).orElse(false);
        return fresh ? Optional.empty() : Optional.of(error("8", "非法的时间戳参数", "Invalid Timestamp"));
    }

    @Override
    protected Refusal limited() {
        return error("2", "限制时间内调用失败次数", "App Call Limited");
    }

    @Override
    protected ObjectNode answer(Map<String, String> p) {
        JsonNode q;
        try {
            q = JSON.readTree(p.getOrDefault("360buy_param_json", "{}"));
        } catch (IOException e) {
            return refuse(businessError("360buy_param_json不是合法的JSON"));
        }
        Optional<Instant> start = ChinaTime.parse(q.path("start_date").asText(null));
        Optional<Instant> end = ChinaTime.parse(q.path("end_date").asText(null));
        Set<String> states = list(q.path("order_state").asText(""));
        // JD's own JSON reader takes "2" and 2 alike for a number
        long page = number(q.path("page").asText("1")).orElse(0L);
        long pageSize = number(q.path("page_size").asText("20")).orElse(0L);
        if (start.isEmpty() || end.isEmpty() || !end.get().isAfter(start.get())) {
            return refuse(businessError("开始时间和结束时间不正确"));
        }
        if (states.isEmpty() || page < 1 || pageSize < 1 || pageSize > 100) {
            return refuse(businessError("order_state必填，page须大于0，page_size不能超过100"));
        }
        List<ObjectNode> matching = inWindow(start.get(), end.get(), !"0".equals(q.path("sortType").asText("0")))
                .stream().filter(o -> states.contains(o.path("orderState").asText())).toList();
        Set<String> fields = list(q.path("optional_fields").asText(""));

        ObjectNode body = JSON.createObjectNode();
        ObjectNode result = body.putObject(REPLY).put("code", "0").putObject("searchorderinfo_result");
        result.putObject("apiResult").put("success", true).put("englishErrCode", "").put("chineseErrCode", "").put("numberCode", 0);
        ArrayNode list = result.putArray("orderInfoList");
        page(matching, page, 1, (int) pageSize).forEach(o -> list.add(fields.isEmpty() ? o : only(o, fields)));
        result.put("orderTotal", matching.size());
        return body;
    }

    private static Set<String> list(String commaSeparated) {
        return Arrays.stream(commaSeparated.split(",")).map(String::trim).filter(s -> !s.isEmpty()).collect(Collectors.toSet());
    }

    private static ObjectNode only(ObjectNode order, Set<String> fields) {
        for (Iterator<String> names = order.fieldNames(); names.hasNext(); ) {
            if (!fields.contains(names.next())) {
                names.remove();
            }
        }
        return order;
    }

    @Override
    protected Instant modifiedOf(ObjectNode order) {
        return ChinaTime.parse(order.path("modified").asText())
                .orElseThrow(() -> new IllegalArgumentException("an order without modified: " + order));
    }

    @Override
    protected ObjectNode orderOf(TestRecord record) {
        ObjectNode o = JSON.createObjectNode();
        o.put("orderId", record.id());
        o.put("venderId", "10293847");
        o.put("payType", "4-在线支付");
        o.put("orderPayment", "119.00");
        o.put("orderState", "WAIT_GOODS_RECEIVE_CONFIRM");
        o.put("orderStartTime", ChinaTime.format(record.modified().minusSeconds(3700)));
        o.put("paymentConfirmTime", ChinaTime.format(record.modified().minusSeconds(3600)));
        o.put("modified", ChinaTime.format(record.modified()));
        o.put("waybill", "JDVA" + String.format("%011d", Math.abs(record.id().hashCode() % 100_000_000_000L)));
        o.put("logisticsId", "1274");
        return o;
    }

    private Refusal error(String code, String zh, String en) {
        ObjectNode body = JSON.createObjectNode();
        body.putObject("error_response").put("code", code).put("zh_desc", zh).put("en_desc", en);
        return new Refusal(code, body);
    }

    private Refusal businessError(String zh) {
        ObjectNode body = JSON.createObjectNode();
        body.putObject(REPLY).put("code", "0").putObject("searchorderinfo_result").putObject("apiResult")
                .put("success", false).put("englishErrCode", "invalid parameter").put("chineseErrCode", zh).put("numberCode", 10100001);
        return new Refusal("apiResult", body);
    }
}
