package dev.subsidy.gateway.demo;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Taobao's open platform (TOP) as one shop's authorised app sees it: {@code POST /router/rest} with
 * form parameters, method {@code taobao.trades.sold.increment.get} (config/connectors/examples/README.md, connectors/partners/CARRIERS.md).
 * <ul>
 *   <li>signature: every parameter but {@code sign}, sorted by name, written name-value with nothing
 *       between and empty values left out; {@code sign} = upper hex MD5(secret + text + secret) with
 *       {@code sign_method=md5}, else {@code {"error_response":{"code":25,"msg":"Invalid signature"}}};
 *       a wrong app key is 29, a wrong method 22, a wrong session 27 (the session is the shop's: it
 *       reads this shop's trades only), a timestamp more than 10 minutes off 31;</li>
 *   <li>window: {@code start_modified}/{@code end_modified} in China time, the end after the start and
 *       at most one day later, else code 15 {@code isv.invalid-parameter};</li>
 *   <li>paging: {@code page_no} from 1, {@code page_size} up to 100, oldest first, with
 *       {@code total_results} (or {@code has_next} when {@code use_has_next=true}); an empty page
 *       leaves {@code trades} out;</li>
 *   <li>{@code fields}: only the asked fields of a trade come back ({@code orders} whole).</li>
 * </ul>
 */
final class SimulatedTaobaoTop extends SimulatedMarketplace {

    static final String PATH = "/router/rest";
    static final String METHOD = "taobao.trades.sold.increment.get";
    /** The app's public key, as in config/connectors/examples/taobao-orders.yml. */
    static final String APP_KEY = "12345678";
    static final Duration LONGEST_WINDOW = Duration.ofDays(1);
    static final Duration TIMESTAMP_TOLERANCE = Duration.ofMinutes(10);
    private static final DateTimeFormatter CHINA_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final String appSecret;
    private final String session;

    private SimulatedTaobaoTop(List<Held> trades, String appSecret, String session, Clock clock) {
        super("淘宝 TOP", "md5, upper hex MD5(secret + sorted name-values + secret)", PATH, trades, clock);
        this.appSecret = appSecret;
        this.session = session;
    }

    /** Starts the simulator on a free loopback port, holding the shop's trades ({@link TaobaoTrades}). */
    static SimulatedTaobaoTop start(List<ObjectNode> trades, String appSecret, String session, Clock clock) {
        List<Held> held = trades.stream().map(t -> new Held(t.path("tid_str").asText(),
                chinaTime(t.path("modified").asText()).orElseThrow(), t)).toList();
        return new SimulatedTaobaoTop(held, appSecret, session, clock);
    }

    /** The text TOP signs: sorted name-values, {@code sign} and empty values left out. */
    static String signedText(Map<String, String> params) {
        StringBuilder s = new StringBuilder();
        new TreeMap<>(params).forEach((name, value) -> {
            if (!name.equals("sign") && value != null && !value.isEmpty()) {
                s.append(name).append(value);
            }
        });
        return s.toString();
    }

    static String sign(Map<String, String> params, String secret) {
        return md5Hex(secret + signedText(params) + secret).toUpperCase(java.util.Locale.ROOT);
    }

    @Override
    protected Optional<Refusal> authenticate(Map<String, String> p) {
        if (!"md5".equals(p.get("sign_method")) || !same(sign(p, appSecret), p.get("sign"))) {
            return Optional.of(error(25, "Invalid signature", null, null));
        }
        if (!APP_KEY.equals(p.get("app_key"))) {
            return Optional.of(error(29, "Invalid app Key", null, null));
        }
        if (!METHOD.equals(p.get("method"))) {
            return Optional.of(error(22, "Invalid method", null, null));
        }
        if (!same(session, p.get("session"))) {
            return Optional.of(error(27, "Invalid session", "invalid-sessionkey",
                    "非法或过期的SessionKey参数，请使用有效的SessionKey参数"));
        }
        boolean fresh = chinaTime(p.get("timestamp"))
                .map(t -> Duration.between(t, clock.instant()).abs().compareTo(TIMESTAMP_TOLERANCE) <= 0).orElse(false);
        return fresh ? Optional.empty() : Optional.of(error(31, "Invalid timestamp", null, null));
    }

    @Override
    protected ObjectNode answer(Map<String, String> p) {
        Optional<Instant> start = chinaTime(p.get("start_modified"));
        Optional<Instant> end = chinaTime(p.get("end_modified"));
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
        List<Held> window = inWindow(start.get(), end.get());
        List<ObjectNode> page = page(window, pageNo, 1, (int) pageSize);
        ObjectNode body = JSON.createObjectNode();
        ObjectNode reply = body.putObject("trades_sold_increment_get_response");
        if ("true".equals(p.get("use_has_next"))) {
            reply.put("has_next", pageNo * pageSize < window.size());
        } else {
            reply.put("total_results", window.size());
        }
        if (!page.isEmpty()) {
            ArrayNode trades = reply.putObject("trades").putArray("trade");
            Set<String> fields = p.get("fields") == null ? Set.of()
                    : Arrays.stream(p.get("fields").split(",")).map(String::trim).collect(Collectors.toSet());
            page.forEach(t -> trades.add(only(t, fields)));
        }
        reply.put("request_id", requestId());
        return body;
    }

    /** The trade with only the asked fields: a definition that forgets one the mapping needs shows it. */
    private static ObjectNode only(ObjectNode trade, Set<String> fields) {
        for (Iterator<String> names = trade.fieldNames(); names.hasNext(); ) {
            if (!fields.contains(names.next())) {
                names.remove();
            }
        }
        return trade;
    }

    private ObjectNode errorBody(int code, String msg, String subCode, String subMsg) {
        ObjectNode body = JSON.createObjectNode();
        ObjectNode e = body.putObject("error_response");
        e.put("code", code).put("msg", msg);
        if (subCode != null) {
            e.put("sub_code", subCode).put("sub_msg", subMsg);
        }
        e.put("request_id", requestId());
        return body;
    }

    private Refusal error(int code, String msg, String subCode, String subMsg) {
        return new Refusal(code + " " + msg, errorBody(code, msg, subCode, subMsg));
    }

    /** China wall-clock text (yyyy-MM-dd HH:mm:ss, UTC+8) as an instant. */
    static Optional<Instant> chinaTime(String text) {
        try {
            return text == null ? Optional.empty()
                    : Optional.of(LocalDateTime.parse(text, CHINA_TIME).toInstant(MonthOfFeeds.CST));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
