package dev.subsidy.connector.partners.carriers.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.subsidy.connector.api.ConnectorException;
import dev.subsidy.connector.api.HttpCall;
import dev.subsidy.connector.api.SignableRequest;
import dev.subsidy.connector.api.SourceRecord;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * JD Logistics (LOP gateway) trace query [H signature, L path and fields]: a JSON POST to the trace
 * API's path (default {@code /ecap/v1/orders/trace/query}) whose query carries app_key, access_token,
 * timestamp ({@code yyyy-MM-dd HH:mm:ss}, UTC+8), v=2.0, algorithm and sign (signer
 * {@code jd-logistics}: md5-salt over secret, the parameters, the path as method and the body as
 * param_json). Body: {@code [{"waybillCode", "customerCode"}]}, LOP's list of the method's arguments.
 * The reply {@code {"code": 0, "data": {waybillCode, traceDetails}}} with details becomes one record for
 * {@code jd-trace-push}. Error codes are guesses ({@code 1000} signature, {@code 1001} frequency).
 */
final class JdQuery implements QueryProtocol {

    private static final DateTimeFormatter CHINA_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.ofHours(8));

    @Override
    public String signerName() {
        return "jd-logistics";
    }

    @Override
    public String defaultPath(String appKey) {
        return "/ecap/v1/orders/trace/query";
    }

    @Override
    public int maxPerCall() {
        return 1;
    }

    @Override
    public ErrorCodes defaultCodes() {
        return new ErrorCodes(Set.of("1000"), Set.of("1001"), Set.of());
    }

    @Override
    public HttpCall request(QueryCall call) {
        ArrayNode args = Replies.JSON.createArrayNode();
        ObjectNode arg = args.addObject().put("waybillCode", call.waybill());
        if (call.company() != null) {
            arg.put("customerCode", call.company());
        }
        String body = Replies.write(args);
        Map<String, String> query = new LinkedHashMap<>();
        query.put("app_key", call.appKey());
        call.accessToken().ifPresent(t -> query.put("access_token", t.reveal()));
        query.put("timestamp", CHINA_TIME.format(call.now()));
        query.put("v", "2.0");
        query.putAll(Replies.sign(call, SignableRequest.builder().path(call.endpoint().getPath()).params(query).body(body)).params());
        String q = query.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return HttpCall.postJson(URI.create(call.endpoint() + "?" + q), body, Map.of());
    }

    @Override
    public List<SourceRecord> records(QueryCall call, JsonNode reply, ErrorCodes codes) throws ConnectorException {
        String code = Replies.text(reply, "code");
        if (code == null) {
            throw Replies.badShape("JD", "no code");
        }
        if (!code.equals("0")) {
            throw Replies.refused("JD", code, Replies.text(reply, "msg"), codes);
        }
        JsonNode data = reply.path("data");
        JsonNode details = data.path("traceDetails");
        if (!data.isObject()) {
            throw Replies.badShape("JD", "no data object");
        }
        return details.isArray() && !details.isEmpty() ? List.of(Replies.record(call.waybill(), data)) : List.of();
    }
}
