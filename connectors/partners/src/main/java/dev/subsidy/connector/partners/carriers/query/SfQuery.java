package dev.subsidy.connector.partners.carriers.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.subsidy.connector.api.ConnectorException;
import dev.subsidy.connector.api.HttpCall;
import dev.subsidy.connector.api.SignableRequest;
import dev.subsidy.connector.api.SourceRecord;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * SF {@code EXP_RECE_SEARCH_ROUTES} [H]: a form POST to {@code /std/service} of partnerID, requestID (a
 * fresh UUID: SF refuses a repeated one), serviceCode, timestamp (epoch milliseconds), msgData
 * {@code {"trackingType":"1","trackingNumber":[…]}} (with {@code checkPhoneNo} when the phone is known)
 * and msgDigest (Base64 MD5 of the URL-encoded msgData + timestamp + check word), up to ten waybills.
 *
 * <p>The reply's {@code apiResultCode} is {@code A1000} when the call was accepted, and its
 * {@code apiResultData} is JSON <em>inside a JSON string</em>: it is parsed here, and each
 * {@code msgData.routeResps} item with routes becomes one record {@code {mailNo, routes}} for
 * {@code sf-routes}. Codes [M]: {@code A1006} invalid digital signature and {@code A1004} no permission
 * (unauthorized), {@code A1005} flow control (rate limited), {@code A1009} and {@code A1099} target or
 * system failure (transient).
 */
final class SfQuery implements QueryProtocol {

    static final String SERVICE = "EXP_RECE_SEARCH_ROUTES";

    @Override
    public String signerName() {
        return "sf";
    }

    @Override
    public String defaultPath(String appKey) {
        return "/std/service";
    }

    @Override
    public int maxPerCall() {
        return 10;
    }

    @Override
    public ErrorCodes defaultCodes() {
        return new ErrorCodes(Set.of("A1004", "A1006"), Set.of("A1005"), Set.of("A1009", "A1099"));
    }

    @Override
    public HttpCall request(QueryCall call) {
        ObjectNode msg = Replies.JSON.createObjectNode().put("trackingType", "1");
        call.waybills().forEach(msg.putArray("trackingNumber")::add);
        if (call.phone() != null) {
            msg.put("checkPhoneNo", call.phone());
        }
        Map<String, String> form = new LinkedHashMap<>();
        form.put("partnerID", call.appKey());
        form.put("requestID", UUID.randomUUID().toString());
        form.put("serviceCode", SERVICE);
        form.put("timestamp", Long.toString(call.now().toEpochMilli()));
        form.put("msgData", Replies.write(msg));
        form.putAll(Replies.sign(call, SignableRequest.builder().path(call.endpoint().getPath()).params(form)).params());
        return HttpCall.postForm(call.endpoint(), form, Map.of());
    }

    @Override
    public List<SourceRecord> records(QueryCall call, JsonNode reply, ErrorCodes codes) throws ConnectorException {
        String code = Replies.text(reply, "apiResultCode");
        if (code == null) {
            throw Replies.badShape("SF", "no apiResultCode");
        }
        if (!code.equals("A1000")) {
            throw Replies.refused("SF", code, Replies.text(reply, "apiErrorMsg"), codes);
        }
        JsonNode raw = reply.get("apiResultData");
        JsonNode data = raw != null && raw.isTextual() ? Replies.parseEmbedded("SF", "apiResultData", raw.asText())
                : raw != null && raw.isObject() ? raw : null;
        if (data == null) {
            throw Replies.badShape("SF", "no apiResultData");
        }
        if (data.has("success") && !Replies.isTrue(data, "success")) {
            throw Replies.refused("SF", String.valueOf(Replies.text(data, "errorCode")), Replies.text(data, "errorMsg"), codes);
        }
        JsonNode resps = data.at("/msgData/routeResps");
        if (!resps.isArray()) {
            throw Replies.badShape("SF", "apiResultData without msgData.routeResps");
        }
        List<SourceRecord> records = new ArrayList<>();
        for (JsonNode resp : resps) {
            JsonNode routes = resp.path("routes");
            if (routes.isArray() && !routes.isEmpty()) {
                records.add(Replies.record(resp.path("mailNo").asText(), resp));
            }
        }
        return records;
    }
}
