package dev.subsidy.connector.partners.carriers.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.subsidy.connector.api.ConnectorException;
import dev.subsidy.connector.api.HttpCall;
import dev.subsidy.connector.api.SignableRequest;
import dev.subsidy.connector.api.SourceRecord;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * ZTO {@code zto.merchant.waybill.track.query} [H call shape and signature, L reply fields]: a JSON
 * POST to {@code /zto.merchant.waybill.track.query} of {@code {"billCode", "mobilePhone"}} (one waybill,
 * the phone's last four digits when known), headers {@code x-appKey} and {@code x-dataDigest}
 * (Base64 MD5 of body + secret). The reply {@code {"status": true, "result": [scans]}} becomes one
 * record with the queried {@code billCode} added, for {@code zto-trace-query}. Errors: {@code S211}
 * bad signature, {@code S221} over the QPS limit.
 */
final class ZtoQuery implements QueryProtocol {

    @Override
    public String signerName() {
        return "zto";
    }

    @Override
    public String defaultPath(String appKey) {
        return "/zto.merchant.waybill.track.query";
    }

    @Override
    public int maxPerCall() {
        return 1;
    }

    @Override
    public ErrorCodes defaultCodes() {
        return new ErrorCodes(Set.of("S211"), Set.of("S221"), Set.of());
    }

    @Override
    public HttpCall request(QueryCall call) {
        ObjectNode body = Replies.JSON.createObjectNode().put("billCode", call.waybill());
        if (call.phone() != null) {
            body.put("mobilePhone", call.phone());
        }
        String text = Replies.write(body);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("x-appKey", call.appKey());
        headers.putAll(Replies.sign(call, SignableRequest.builder().path(call.endpoint().getPath()).header("x-appKey", call.appKey()).body(text)).headers());
        return HttpCall.postJson(call.endpoint(), text, headers);
    }

    @Override
    public List<SourceRecord> records(QueryCall call, JsonNode reply, ErrorCodes codes) throws ConnectorException {
        if (!Replies.isTrue(reply, "status")) {
            String code = Replies.text(reply, "statusCode");
            if (code == null) {
                throw Replies.badShape("ZTO", "neither status true nor a statusCode");
            }
            throw Replies.refused("ZTO", code, Replies.text(reply, "message"), codes);
        }
        JsonNode result = reply.get("result");
        if (result == null || !result.isArray()) {
            throw Replies.badShape("ZTO", "no result list");
        }
        if (result.isEmpty()) {
            return List.of();
        }
        ObjectNode record = ((ObjectNode) reply).deepCopy();
        if (!record.hasNonNull("billCode")) {
            record.put("billCode", call.waybill());
        }
        return List.of(Replies.record(call.waybill(), record));
    }
}
