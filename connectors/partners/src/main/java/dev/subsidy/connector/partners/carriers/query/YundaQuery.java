package dev.subsidy.connector.partners.carriers.query;

import com.fasterxml.jackson.databind.JsonNode;
import dev.subsidy.connector.api.ConnectorException;
import dev.subsidy.connector.api.HttpCall;
import dev.subsidy.connector.api.SignableRequest;
import dev.subsidy.connector.api.SourceRecord;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Yunda trace query [M signature, L call and reply]: a JSON POST to
 * {@code /openapi/outer/logictis/query} of {@code {"appkey", "mailno"}} with headers app-key, req-time
 * (epoch milliseconds) and sign (lower-case hex MD5 of body + "_" + secret). Yunda answers only for
 * waybills subscribed before. The reply {@code {"result": true, "data": {mailno, steps}}} with steps
 * becomes one record for {@code yunda-trace-push}. Error codes are guesses ({@code 1003} signature,
 * {@code 1009} frequency); override them in the definition.
 */
final class YundaQuery implements QueryProtocol {

    @Override
    public String signerName() {
        return "yunda";
    }

    @Override
    public String defaultPath(String appKey) {
        return "/openapi/outer/logictis/query";
    }

    @Override
    public int maxPerCall() {
        return 1;
    }

    @Override
    public ErrorCodes defaultCodes() {
        return new ErrorCodes(Set.of("1003"), Set.of("1009"), Set.of());
    }

    @Override
    public HttpCall request(QueryCall call) {
        String body = Replies.write(Replies.JSON.createObjectNode().put("appkey", call.appKey()).put("mailno", call.waybill()));
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("app-key", call.appKey());
        headers.put("req-time", Long.toString(call.now().toEpochMilli()));
        headers.putAll(Replies.sign(call, SignableRequest.builder().path(call.endpoint().getPath()).body(body)).headers());
        return HttpCall.postJson(call.endpoint(), body, headers);
    }

    @Override
    public List<SourceRecord> records(QueryCall call, JsonNode reply, ErrorCodes codes) throws ConnectorException {
        if (!Replies.isTrue(reply, "result")) {
            String code = Replies.text(reply, "code");
            if (code == null) {
                throw Replies.badShape("Yunda", "neither result true nor a code");
            }
            throw Replies.refused("Yunda", code, Replies.text(reply, "message"), codes);
        }
        JsonNode data = reply.path("data");
        JsonNode steps = data.path("steps");
        if (!data.isObject() || !(steps.isArray() || steps.isMissingNode())) {
            throw Replies.badShape("Yunda", "data without a list of steps");
        }
        return steps.isArray() && !steps.isEmpty() ? List.of(Replies.record(call.waybill(), data)) : List.of();
    }
}
