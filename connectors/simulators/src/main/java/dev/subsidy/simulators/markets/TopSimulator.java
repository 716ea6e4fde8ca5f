package dev.subsidy.simulators.markets;

import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.http.Request;
import dev.subsidy.connector.testkit.TestRecord;
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
 * Taobao / Tmall open platform (TOP), {@code taobao.trades.sold.increment.get} at
 * {@code POST /router/rest} with form parameters (docs/partners.md, TOP's published API):
 * <ul>
 *   <li>signature: {@code sign_method} md5 (upper hex MD5(secret + sorted k+v + secret), blank values
 *       left out as TOP's Java SDK leaves them out), hmac
 *       (HMAC-MD5) or hmac-sha256, else {@code {"error_response":{"code":25,"msg":"Invalid signature"}}};
 *       a wrong {@code session} is code 27; a {@code timestamp} more than 10 minutes off is code 31;</li>
 *   <li>window: {@code start_modified}/{@code end_modified} in China time, both required, the end after
 *       the start and at most one day later, else code 15 with {@code isv.invalid-parameter} (TOP's
 *       business-error shape; the exact sub_code of this refusal is not in the stored material);</li>
 *   <li>paging: {@code page_no} from 1, {@code page_size} at most 100; {@code total_results}, or with
 *       {@code use_has_next=true} {@code has_next} instead of the total (as TOP documents);
 *       an empty page leaves {@code trades} out;</li>
 *   <li>{@code fields}: only the asked top-level fields of a trade come back ({@code orders} brings
 *       the sub-orders whole), so a definition that forgets a field the mapping needs is caught;</li>
 *   <li>call limit: code 7 "App Call Limited", sub_code {@code accesscontrol.limited-by-app-access-count}
 *       and the ban's length in sub_msg, never a Retry-After header.</li>
 * </ul>
 * Trades carry {@code payment} as yuan strings and sub-orders their own {@code refund_status},
 * {@code invoice_no} and {@code logistics_company}.
 */
public final class TopSimulator extends MarketSimulator {

    public static final String PATH = "/router/rest";
    public static final String METHOD = "taobao.trades.sold.increment.get";
    private static final Duration LONGEST_WINDOW = Duration.ofDays(1);
    private static final Duration TIMESTAMP_TOLERANCE = Duration.ofMinutes(10);

    private final String appSecret;
    private final String session;

    public TopSimulator(Clock clock, String appSecret, String session) {
        super(clock);
        this.appSecret = appSecret;
        this.session = session;
    }

    @Override
    public MappingBuilder anyCall() {
        return post(urlPathEqualTo(PATH));
    }

    @Override
    protected Map<String, String> params(Request request) {
        return formParams(request);
    }

    @Override
    protected Optional<Refusal> authenticate(Map<String, String> p) {
        String s = Signatures.withoutBlankValues(p);
        String expected = switch (p.getOrDefault("sign_method", "md5")) {
            case "md5" -> Signatures.md5Wrapped(appSecret, s);
            case "hmac" -> Signatures.hmac("HmacMD5", appSecret, s).toUpperCase(java.util.Locale.ROOT);
            case "hmac-sha256" -> Signatures.hmac("HmacSHA256", appSecret, s).toUpperCase(java.util.Locale.ROOT);
            default -> null;
        };
        if (expected == null || !expected.equals(p.get("sign"))) {
            return Optional.of(error(25, "Invalid signature", null, null));
        }
        if (!METHOD.equals(p.get("method"))) {
            return Optional.of(error(22, "Invalid method", null, null));
        }
        if (!session.equals(p.get("session"))) {
            return Optional.of(error(27, "Invalid session", "invalid-sessionkey", "非法或过期的SessionKey参数，请使用有效的SessionKey参数"));
        }
        boolean fresh = ChinaTime.parse(p.get("timestamp"))
                .map(t -> Duration.between(t, clock.instant()).abs().compareTo(TIMESTAMP_TOLERANCE) <= 0).orElse(false);
        return fresh ? Optional.empty() : Optional.of(error(31, "Invalid timestamp", null, null));
    }

    @Override
    protected Refusal limited() {
        return error(7, "App Call Limited", "accesscontrol.limited-by-app-access-count", "This ban will last for 1 more seconds");
    }

    @Override
    protected ObjectNode answer(Map<String, String> p) {
        Optional<Instant> start = ChinaTime.parse(p.get("start_modified"));
        Optional<Instant> end = ChinaTime.parse(p.get("end_modified"));
        if (start.isEmpty() || end.isEmpty() || !end.get().isAfter(start.get())
                || Duration.between(start.get(), end.get()).compareTo(LONGEST_WINDOW) > 0) {
            return refuse(error(15, "Remote service error", "isv.invalid-parameter",
                    "修改时间跨度不能大于一天，且结束时间必须大于开始时间"));
        }
        long pageNo = number(p.getOrDefault("page_no", "1")).orElse(0L);
        long pageSize = number(p.getOrDefault("page_size", "40")).orElse(0L);
        if (pageNo < 1 || pageSize < 1 || pageSize > 100) {
            return refuse(error(15, "Remote service error", "isv.invalid-parameter", "page_no须大于0，page_size须在1到100之间"));
        }
        List<ObjectNode> inWindow = inWindow(start.get(), end.get(), true);
        List<ObjectNode> page = page(inWindow, pageNo, 1, (int) pageSize);
        boolean useHasNext = "true".equals(p.get("use_has_next"));

        ObjectNode body = JSON.createObjectNode();
        ObjectNode reply = body.putObject("trades_sold_increment_get_response");
        if (useHasNext) {
            reply.put("has_next", pageNo * pageSize < inWindow.size());
        } else {
            reply.put("total_results", inWindow.size());
        }
        if (!page.isEmpty()) {
            ArrayNode trades = reply.putObject("trades").putArray("trade");
            Set<String> fields = fields(p.get("fields"));
            page.forEach(t -> trades.add(only(t, fields)));
        }
        reply.put("request_id", requestId());
        return body;
    }

    private static Set<String> fields(String fields) {
        return fields == null ? Set.of() : Arrays.stream(fields.split(",")).map(String::trim).collect(Collectors.toSet());
    }

    /** The trade with only the asked fields ({@code orders} brings every sub-order field). */
    private static ObjectNode only(ObjectNode trade, Set<String> fields) {
        for (Iterator<String> names = trade.fieldNames(); names.hasNext(); ) {
            if (!fields.contains(names.next())) {
                names.remove();
            }
        }
        return trade;
    }

    @Override
    protected Instant modifiedOf(ObjectNode trade) {
        return ChinaTime.parse(trade.path("modified").asText())
                .orElseThrow(() -> new IllegalArgumentException("a trade without modified: " + trade));
    }

    @Override
    protected ObjectNode orderOf(TestRecord record) {
        ObjectNode trade = JSON.createObjectNode();
        trade.put("tid", 3_719_284_756_000_000L + Math.abs(record.id().hashCode() % 1_000_000));
        trade.put("tid_str", record.id());
        trade.put("status", "WAIT_BUYER_CONFIRM_GOODS");
        trade.put("payment", "200.07");
        trade.put("pay_time", ChinaTime.format(record.modified().minusSeconds(3600)));
        trade.put("created", ChinaTime.format(record.modified().minusSeconds(3700)));
        trade.put("modified", ChinaTime.format(record.modified()));
        trade.put("seller_nick", "从江香猪旗舰店");
        trade.put("buyer_open_uid", "AAH" + record.id());
        ObjectNode order = trade.putObject("orders").putArray("order").addObject();
        order.put("oid", 1L).put("payment", "200.07").put("refund_status", "NO_REFUND")
                .put("invoice_no", "7310000000" + String.format("%04d", Math.abs(record.id().hashCode() % 10_000)))
                .put("logistics_company", "中通快递");
        return trade;
    }

    private Refusal error(int code, String msg, String subCode, String subMsg) {
        ObjectNode body = JSON.createObjectNode();
        ObjectNode e = body.putObject("error_response");
        e.put("code", code).put("msg", msg);
        if (subCode != null) {
            e.put("sub_code", subCode).put("sub_msg", subMsg);
        }
        e.put("request_id", requestId());
        return new Refusal(Integer.toString(code), body);
    }
}
