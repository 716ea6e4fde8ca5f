package dev.subsidy.simulators.markets;

import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.http.Request;
import dev.subsidy.connector.testkit.TestRecord;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Pinduoduo open platform, {@code pdd.order.number.list.increment.get} at {@code POST /api/router}
 * with every parameter flat (docs/partners.md):
 * <ul>
 *   <li>signature: upper hex MD5(client_secret + sorted k+v + client_secret), every parameter taking part,
 *       an empty one too (Pinduoduo's SDK), else
 *       {@code {"error_response":{"error_code":20004,"error_msg":"签名验证失败",…}}} (the shape and
 *       code of a real reply quoted in a public SDK's issue); a wrong {@code access_token} is 10019;</li>
 *   <li>window: {@code start_updated_at}/{@code end_updated_at} in unix seconds, the end after the start
 *       and at most 30 minutes later, else error_code 10000 (a parameter error; the exact code for this
 *       refusal is not in the stored material);</li>
 *   <li>paging: {@code page} from 1, {@code page_size} at most 100; {@code total_count} always, and
 *       {@code has_next} when {@code use_has_next=true};</li>
 *   <li>filters: {@code order_status} (1, 2, 3 or 5 for all) and {@code refund_status} (1 to 4 or 5 for
 *       all) and {@code is_lucky_flag} are required;</li>
 *   <li>call limit: error_code 70031 (a plausible code for Pinduoduo's frequency limit, not confirmed
 *       by the stored material).</li>
 * </ul>
 * Orders carry {@code pay_amount} as a JSON number in yuan and times as China local text.
 */
public final class PddSimulator extends MarketSimulator {

    public static final String TYPE = "pdd.order.number.list.increment.get";
    private static final Duration LONGEST_WINDOW = Duration.ofMinutes(30);

    private final String clientSecret;
    private final String accessToken;

    public PddSimulator(Clock clock, String clientSecret, String accessToken) {
        super(clock);
        this.clientSecret = clientSecret;
        this.accessToken = accessToken;
    }

    @Override
    public MappingBuilder anyCall() {
        return post(urlPathEqualTo("/api/router"));
    }

    @Override
    protected Map<String, String> params(Request request) {
        return formParams(request);
    }

    @Override
    protected Optional<Refusal> authenticate(Map<String, String> p) {
        if (!Signatures.md5Wrapped(clientSecret, Signatures.everyParam(p)).equals(p.get("sign"))) {
            return Optional.of(error(20004, "签名验证失败", "签名验证失败"));
        }
        if (!TYPE.equals(p.get("type"))) {
            return Optional.of(error(10000, "参数错误", "type不存在"));
        }
        if (!accessToken.equals(p.get("access_token"))) {
            return Optional.of(error(10019, "access_token已过期", "access_token已过期"));
        }
        return Optional.empty();
    }

    @Override
    protected Refusal limited() {
        return error(70031, "调用过于频繁，请调整调用频率", "当前接口调用频率超过限制");
    }

    @Override
    protected ObjectNode answer(Map<String, String> p) {
        Optional<Instant> start = number(p.get("start_updated_at")).map(Instant::ofEpochSecond);
        Optional<Instant> end = number(p.get("end_updated_at")).map(Instant::ofEpochSecond);
        if (start.isEmpty() || end.isEmpty() || !end.get().isAfter(start.get())
                || Duration.between(start.get(), end.get()).compareTo(LONGEST_WINDOW) > 0) {
            return refuse(error(10000, "参数错误", "更新开始时间和结束时间之差不能超过30分钟"));
        }
        long page = number(p.getOrDefault("page", "1")).orElse(0L);
        long pageSize = number(p.getOrDefault("page_size", "100")).orElse(0L);
        Optional<Long> orderStatus = number(p.get("order_status"));
        Optional<Long> refundStatus = number(p.get("refund_status"));
        if (page < 1 || pageSize < 1 || pageSize > 100 || orderStatus.isEmpty() || refundStatus.isEmpty()
                || number(p.get("is_lucky_flag")).isEmpty()) {
            return refuse(error(10000, "参数错误", "page须大于等于1，page_size不能超过100，order_status、refund_status、is_lucky_flag必填"));
        }
        List<ObjectNode> matching = inWindow(start.get(), end.get(), true).stream()
                .filter(o -> orderStatus.get() == 5 || o.path("order_status").asLong() == orderStatus.get())
                .filter(o -> refundStatus.get() == 5 || o.path("refund_status").asLong() == refundStatus.get())
                .toList();
        ObjectNode body = JSON.createObjectNode();
        ObjectNode reply = body.putObject("order_sn_increment_get_response");
        reply.put("total_count", matching.size());
        if ("true".equals(p.get("use_has_next"))) {
            reply.put("has_next", page * pageSize < matching.size());
        }
        ArrayNode list = reply.putArray("order_sn_list");
        page(matching, page, 1, (int) pageSize).forEach(list::add);
        reply.put("request_id", requestId());
        return body;
    }

    @Override
    protected Instant modifiedOf(ObjectNode order) {
        return ChinaTime.parse(order.path("updated_at").asText())
                .orElseThrow(() -> new IllegalArgumentException("an order without updated_at: " + order));
    }

    @Override
    protected ObjectNode orderOf(TestRecord record) {
        ObjectNode o = JSON.createObjectNode();
        o.put("order_sn", record.id());
        o.put("order_status", 2);
        o.put("refund_status", 1);
        o.put("pay_amount", new BigDecimal("59.90"));
        o.put("pay_time", ChinaTime.format(record.modified().minusSeconds(3600)));
        o.put("updated_at", ChinaTime.format(record.modified()));
        o.put("logistics_id", 115);
        o.put("tracking_number", "7312345678" + String.format("%05d", Math.abs(record.id().hashCode() % 100_000)));
        return o;
    }

    private Refusal error(int code, String msg, String subMsg) {
        ObjectNode body = JSON.createObjectNode();
        body.putObject("error_response").put("error_msg", msg).put("sub_msg", subMsg).put("sub_code", Integer.toString(code))
                .put("error_code", code).put("request_id", requestId());
        return new Refusal(Integer.toString(code), body);
    }
}
