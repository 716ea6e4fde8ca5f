package dev.subsidy.connector.partners.carriers.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.subsidy.connector.api.ConnectorException;
import dev.subsidy.connector.api.HttpCall;
import dev.subsidy.connector.api.SignableRequest;
import dev.subsidy.connector.api.SourceRecord;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * YTO open platform trace query ({@code track_query_adapter}) [H signature, L call and reply]: a JSON
 * POST to {@code /open/track_query_adapter/v1/<app key>} of {@code {"timestamp", "param", "sign",
 * "format": "JSON"}}, where param is {@code {"Number": "YT…"}} and sign is Base64(MD5(param + method +
 * "v1" + secret)) (signer {@code yto}, method as an attribute: it travels in the path). The reply is the
 * list of scans (or an object holding it under {@code data}); the queried waybill's scans become
 * {@code {"waybill_No", "traces"}} for {@code yto-trace-push}. Error codes are guesses (a {@code code}
 * other than 0 or 200 with a {@code message}); override them in the definition.
 */
final class YtoQuery implements QueryProtocol {

    static final String METHOD = "track_query_adapter";

    @Override
    public String signerName() {
        return "yto";
    }

    @Override
    public String defaultPath(String appKey) {
        return "/open/" + METHOD + "/v1/" + appKey;
    }

    @Override
    public int maxPerCall() {
        return 1;
    }

    @Override
    public ErrorCodes defaultCodes() {
        return new ErrorCodes(Set.of("1001"), Set.of("1021"), Set.of("500"));
    }

    @Override
    public HttpCall request(QueryCall call) {
        String param = Replies.write(Replies.JSON.createObjectNode().put("Number", call.waybill()));
        String timestamp = Long.toString(call.now().toEpochMilli());
        Map<String, String> sig = Replies.sign(call, SignableRequest.builder().path(call.endpoint().getPath())
                .param("timestamp", timestamp).param("param", param).param("format", "JSON").attribute("method", METHOD)).params();
        ObjectNode body = Replies.JSON.createObjectNode()
                .put("timestamp", timestamp).put("param", param).put("sign", sig.get("sign")).put("format", "JSON");
        return HttpCall.postJson(call.endpoint(), Replies.write(body), Map.of());
    }

    @Override
    public List<SourceRecord> records(QueryCall call, JsonNode reply, ErrorCodes codes) throws ConnectorException {
        JsonNode scans = reply.isArray() ? reply : reply.get("data");
        if (scans == null || !scans.isArray()) {
            String code = Replies.text(reply, "code");
            if (code != null && !code.equals("0") && !code.equals("200")) {
                throw Replies.refused("YTO", code, Replies.text(reply, "message"), codes);
            }
            throw Replies.badShape("YTO", "no list of scans");
        }
        ArrayNode traces = Replies.JSON.createArrayNode();
        scans.forEach(s -> {
            if (!s.hasNonNull("waybill_No") || s.get("waybill_No").asText().equals(call.waybill())) {
                traces.add(s);
            }
        });
        if (traces.isEmpty()) {
            return List.of();
        }
        ObjectNode record = Replies.JSON.createObjectNode().put("waybill_No", call.waybill());
        record.set("traces", traces);
        return List.of(Replies.record(call.waybill(), record));
    }
}
