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
 * Cainiao cross-border trace query on the LINK gateway [H call shape and signature, L reply fields]: a
 * form POST to {@code /gateway/link.do} of msg_type {@code CN_OVERSEA_LOGISTICS_INQUIRY_TRACKING},
 * logistic_provider_id (the app key), to_code (the company code, when given), logistics_interface
 * {@code {"mailNo": "LP…"}} and data_digest (Base64 MD5 of logistics_interface + secret key). The reply
 * {@code {"success": "true", "data": {mailNo, traces}}} with events becomes one record for
 * {@code cainiao-trace-push}. Codes as the LINK gateway's list is quoted [M]: {@code S02} illegal
 * signature, {@code S06}/{@code S07} time-out and system error; {@code S12} flow control is a guess.
 */
final class CainiaoQuery implements QueryProtocol {

    static final String MSG_TYPE = "CN_OVERSEA_LOGISTICS_INQUIRY_TRACKING";

    @Override
    public String signerName() {
        return "cainiao";
    }

    @Override
    public String defaultPath(String appKey) {
        return "/gateway/link.do";
    }

    @Override
    public int maxPerCall() {
        return 1;
    }

    @Override
    public ErrorCodes defaultCodes() {
        return new ErrorCodes(Set.of("S02"), Set.of("S12"), Set.of("S06", "S07"));
    }

    @Override
    public HttpCall request(QueryCall call) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("msg_type", MSG_TYPE);
        form.put("logistic_provider_id", call.appKey());
        if (call.company() != null) {
            form.put("to_code", call.company());
        }
        form.put("logistics_interface", Replies.write(Replies.JSON.createObjectNode().put("mailNo", call.waybill())));
        form.putAll(Replies.sign(call, SignableRequest.builder().path(call.endpoint().getPath()).params(form)).params());
        return HttpCall.postForm(call.endpoint(), form, Map.of());
    }

    @Override
    public List<SourceRecord> records(QueryCall call, JsonNode reply, ErrorCodes codes) throws ConnectorException {
        if (!Replies.isTrue(reply, "success")) {
            String code = Replies.text(reply, "errorCode");
            if (code == null) {
                throw Replies.badShape("Cainiao", "neither success nor an errorCode");
            }
            throw Replies.refused("Cainiao", code, Replies.text(reply, "errorMsg"), codes);
        }
        JsonNode data = reply.path("data");
        JsonNode traces = data.path("traces");
        if (!data.isObject()) {
            throw Replies.badShape("Cainiao", "no data object");
        }
        return traces.isArray() && !traces.isEmpty() ? List.of(Replies.record(call.waybill(), data)) : List.of();
    }
}
