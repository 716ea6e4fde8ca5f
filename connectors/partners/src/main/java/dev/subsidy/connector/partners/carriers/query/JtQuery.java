package dev.subsidy.connector.partners.carriers.query;

import com.fasterxml.jackson.databind.JsonNode;
import dev.subsidy.connector.api.ConnectorException;
import dev.subsidy.connector.api.HttpCall;
import dev.subsidy.connector.api.SignableRequest;
import dev.subsidy.connector.api.SourceRecord;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * J&amp;T trace query [M]: a form POST to {@code /webopenplatformapi/api/logistics/trace} of
 * {@code bizContent = {"billCodes": "JT…,JT…"}}, headers apiAccount, timestamp (epoch milliseconds)
 * and digest (Base64 MD5 of bizContent + private key). The reply {@code {"code": "1", "data":
 * [{billCode, details: [scans, newest first]}]}}: each item with scans is one record for
 * {@code jt-trace-push}. Error codes other than {@code 1} are not confirmed: the defaults
 * ({@code 145003030} signature, {@code 145003050} frequency) are guesses to override in the definition.
 */
final class JtQuery implements QueryProtocol {

    @Override
    public String signerName() {
        return "jt";
    }

    @Override
    public String defaultPath(String appKey) {
        return "/webopenplatformapi/api/logistics/trace";
    }

    @Override
    public int maxPerCall() {
        return 30;
    }

    @Override
    public ErrorCodes defaultCodes() {
        return new ErrorCodes(Set.of("145003030"), Set.of("145003050"), Set.of());
    }

    @Override
    public HttpCall request(QueryCall call) {
        String biz = Replies.write(Replies.JSON.createObjectNode().put("billCodes", String.join(",", call.waybills())));
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("apiAccount", call.appKey());
        headers.put("timestamp", Long.toString(call.now().toEpochMilli()));
        headers.putAll(Replies.sign(call, SignableRequest.builder().path(call.endpoint().getPath()).param("bizContent", biz)).headers());
        return HttpCall.postForm(call.endpoint(), Map.of("bizContent", biz), headers);
    }

    @Override
    public List<SourceRecord> records(QueryCall call, JsonNode reply, ErrorCodes codes) throws ConnectorException {
        String code = Replies.text(reply, "code");
        if (code == null) {
            throw Replies.badShape("J&T", "no code");
        }
        if (!code.equals("1")) {
            throw Replies.refused("J&T", code, Replies.text(reply, "msg"), codes);
        }
        JsonNode data = reply.path("data");
        if (!data.isArray()) {
            throw Replies.badShape("J&T", "data is not a list");
        }
        List<SourceRecord> records = new ArrayList<>();
        for (JsonNode item : data) {
            JsonNode details = item.path("details");
            if (details.isArray() && !details.isEmpty()) {
                records.add(Replies.record(item.path("billCode").asText(), item));
            }
        }
        return records;
    }
}
