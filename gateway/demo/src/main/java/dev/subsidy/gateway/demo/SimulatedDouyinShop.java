package dev.subsidy.gateway.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * 抖店 (Douyin shop) open platform as one shop's app sees it: {@code GET /order/searchList} with
 * {@code app_key}, {@code method=order.searchList}, {@code access_token}, {@code timestamp},
 * {@code v=2}, {@code sign_method}, {@code sign} and the business parameters as one JSON text,
 * {@code param_json} (config/connectors/examples/README.md, connectors/partners/CARRIERS.md).
 * <ul>
 *   <li>signature: s = secret + "app_key"k + "method"m + "param_json"pj + "timestamp"t + "v"v + secret,
 *       {@code sign} = lower hex MD5(s) with {@code sign_method=md5}; every reply has {@code code}
 *       (10000: success) and {@code msg}. The codes beyond 10000 are not in the stored material, so
 *       these are plausible, as in the test suite's simulator: 30002 for a wrong signature, 30001 for
 *       a wrong access_token, 40004 for a refused parameter;</li>
 *   <li>{@code param_json}: {@code update_time_start}/{@code update_time_end} in unix seconds, the end
 *       after the start; {@code page} from 0; {@code size} from 1 to 100; {@code order_asc};</li>
 *   <li>reply: {@code data.shop_order_list} (amounts in fen, times in unix seconds),
 *       {@code data.total}, {@code data.page}, {@code data.size}.</li>
 * </ul>
 */
final class SimulatedDouyinShop extends SimulatedMarketplace {

    static final String PATH = "/order/searchList";
    static final String METHOD = "order.searchList";
    /** The app's public key, as in config/connectors/examples/douyin-orders.yml. */
    static final String APP_KEY = "7012345678901234567";

    private final String appSecret;
    private final String accessToken;

    private SimulatedDouyinShop(List<Held> orders, String appSecret, String accessToken, Clock clock) {
        super("抖店", "md5, lower hex MD5(secret + app_key…param_json…v + secret)", PATH, orders, clock);
        this.appSecret = appSecret;
        this.accessToken = accessToken;
    }

    /** Starts the simulator on a free loopback port, holding the shop's orders ({@link DouyinShopOrders}). */
    static SimulatedDouyinShop start(List<ObjectNode> orders, String appSecret, String accessToken, Clock clock) {
        List<Held> held = orders.stream().map(o -> new Held(o.path("order_id").asText(),
                Instant.ofEpochSecond(o.path("update_time").asLong()), o)).toList();
        return new SimulatedDouyinShop(held, appSecret, accessToken, clock);
    }

    /** 抖店's signature of a call's parameters. */
    static String sign(Map<String, String> p, String secret) {
        return md5Hex(secret + "app_key" + p.get("app_key") + "method" + p.get("method") + "param_json"
                + p.get("param_json") + "timestamp" + p.get("timestamp") + "v" + p.get("v") + secret);
    }

    @Override
    protected Optional<Refusal> authenticate(Map<String, String> p) {
        if (!"md5".equals(p.get("sign_method")) || !same(sign(p, appSecret), p.get("sign"))) {
            return Optional.of(error(30002, "签名错误", "isv.signature-invalid", "签名校验失败"));
        }
        if (!APP_KEY.equals(p.get("app_key")) || !METHOD.equals(p.get("method")) || !"2".equals(p.get("v"))) {
            return Optional.of(error(40004, "参数不合法", "isv.parameter-invalid", "app_key、method或v不正确"));
        }
        if (!same(accessToken, p.get("access_token"))) {
            return Optional.of(error(30001, "access_token不存在或已过期", "isv.access-token-no-existed",
                    "请使用最新的access_token访问"));
        }
        return Optional.empty();
    }

    @Override
    protected ObjectNode answer(Map<String, String> p) {
        JsonNode q;
        try {
            q = JSON.readTree(p.getOrDefault("param_json", "{}"));
        } catch (IOException e) {
            return refuse(error(40004, "参数不合法", "isv.parameter-invalid:param_json", "param_json不是合法的JSON"));
        }
        long start = q.path("update_time_start").asLong(-1);
        long end = q.path("update_time_end").asLong(-1);
        long page = q.path("page").asLong(-1);
        long size = q.path("size").asLong(-1);
        if (start < 0 || end <= start || page < 0 || size < 1 || size > 100) {
            return refuse(error(40004, "参数不合法", "isv.parameter-invalid",
                    "时间范围不正确，page从0开始，size在1到100之间"));
        }
        List<Held> window = inWindow(Instant.ofEpochSecond(start), Instant.ofEpochSecond(end));
        if (!q.path("order_asc").asBoolean(false)) {
            List<Held> newestFirst = new ArrayList<>(window);
            Collections.reverse(newestFirst);
            window = newestFirst;
        }
        ObjectNode body = JSON.createObjectNode();
        body.put("code", 10000).put("msg", "success").put("sub_code", "").put("sub_msg", "").put("log_id", requestId());
        ObjectNode data = body.putObject("data");
        ArrayNode list = data.putArray("shop_order_list");
        page(window, page, 0, (int) size).forEach(list::add);
        data.put("page", page).put("size", size).put("total", window.size());
        return body;
    }

    private Refusal error(int code, String msg, String subCode, String subMsg) {
        ObjectNode body = JSON.createObjectNode();
        body.put("code", code).put("msg", msg).put("sub_code", subCode).put("sub_msg", subMsg).put("log_id", requestId());
        body.putObject("data");
        return new Refusal(code + " " + msg, body);
    }
}
