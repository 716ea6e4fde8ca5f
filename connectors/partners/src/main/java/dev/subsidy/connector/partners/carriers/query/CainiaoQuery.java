package dev.subsidy.connector.partners.carriers.query;

import com.fasterxml.jackson.databind.JsonNode;
import dev.subsidy.connector.api.SourceRecord;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Cainiao cross-border trace query on the LINK gateway [H call shape and signature, L reply fields]: a
 * form POST to {@code /gateway/link.do} of msg_type {@code CN_OVERSEA_LOGISTICS_INQUIRY_TRACKING},
 * logistic_provider_id (the app key), to_code (the company code, when given), logistics_interface
 * {@code {"mailNo": "LP…"}} and data_digest (Base64 MD5 of logistics_interface + secret key). The reply
 * {@code {"success": "true", "data": {mailNo, traces}}} with events becomes one record for
 * {@code cainiao-trace-push}. Error codes: the LINK gateway's ({@link LinkGatewayQuery}).
 */
final class CainiaoQuery extends LinkGatewayQuery {

    static final String MSG_TYPE = "CN_OVERSEA_LOGISTICS_INQUIRY_TRACKING";

    CainiaoQuery() {
        super("Cainiao");
    }

    @Override
    public String signerName() {
        return "cainiao";
    }

    @Override
    public int maxPerCall() {
        return 1;
    }

    @Override
    Map<String, String> form(QueryCall call) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("msg_type", MSG_TYPE);
        form.put("logistic_provider_id", call.appKey());
        if (call.company() != null) {
            form.put("to_code", call.company());
        }
        form.put("logistics_interface", Replies.write(Replies.JSON.createObjectNode().put("mailNo", call.waybill())));
        return form;
    }

    @Override
    String dataNotAnObject() {
        return "no data object";
    }

    @Override
    List<SourceRecord> records(QueryCall call, JsonNode data) {
        JsonNode traces = data.path("traces");
        return traces.isArray() && !traces.isEmpty() ? List.of(Replies.record(call.waybill(), data)) : List.of();
    }
}
