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

/**
 * STO {@code STO_TRACE_QUERY_COMMON} on the LINK gateway [H]: a form POST to {@code /gateway/link.do}
 * of api_name, content {@code {"order":"asc","waybillNoList":[…]}}, from_appkey, from_code (the
 * company code, else the app key), to_appkey and to_code {@code sto_trace_query}, and data_digest
 * (Base64 MD5 of content + secret key). The reply's data maps each waybill to its scans; each waybill
 * with scans becomes {@code {"waybillNo", "traces"}}, the shape {@code sto-trace-push} reads.
 *
 * <p>Error codes are not confirmed [L]: the defaults follow the LINK gateway's published list as
 * public clients quote it ({@code S02} illegal signature; {@code S06} and {@code S07} time-out and
 * system error) and {@code S12} for flow control is a guess; override them in the definition.
 */
final class StoQuery implements QueryProtocol {

    static final String API = "STO_TRACE_QUERY_COMMON";
    static final String TO = "sto_trace_query";

    @Override
    public String signerName() {
        return "sto";
    }

    @Override
    public String defaultPath(String appKey) {
        return "/gateway/link.do";
    }

    @Override
    public int maxPerCall() {
        return 20;
    }

    @Override
    public ErrorCodes defaultCodes() {
        return new ErrorCodes(Set.of("S02"), Set.of("S12"), Set.of("S06", "S07"));
    }

    @Override
    public HttpCall request(QueryCall call) {
        ObjectNode content = Replies.JSON.createObjectNode().put("order", "asc");
        call.waybills().forEach(content.putArray("waybillNoList")::add);
        Map<String, String> form = new LinkedHashMap<>();
        form.put("api_name", API);
        form.put("content", Replies.write(content));
        form.put("from_appkey", call.appKey());
        form.put("from_code", call.company() != null ? call.company() : call.appKey());
        form.put("to_appkey", TO);
        form.put("to_code", TO);
        form.putAll(Replies.sign(call, SignableRequest.builder().path(call.endpoint().getPath()).params(form)).params());
        return HttpCall.postForm(call.endpoint(), form, Map.of());
    }

    @Override
    public List<SourceRecord> records(QueryCall call, JsonNode reply, ErrorCodes codes) throws ConnectorException {
        if (!Replies.isTrue(reply, "success")) {
            String code = Replies.text(reply, "errorCode");
            if (code == null) {
                throw Replies.badShape("STO", "neither success nor an errorCode");
            }
            throw Replies.refused("STO", code, Replies.text(reply, "errorMsg"), codes);
        }
        JsonNode data = reply.path("data");
        if (!data.isObject()) {
            throw Replies.badShape("STO", "data is not a map of waybills");
        }
        List<SourceRecord> records = new ArrayList<>();
        for (String waybill : call.waybills()) {
            JsonNode traces = data.path(waybill);
            if (traces.isArray() && !traces.isEmpty()) {
                ObjectNode record = Replies.JSON.createObjectNode().put("waybillNo", waybill);
                record.set("traces", traces);
                records.add(Replies.record(waybill, record));
            }
        }
        return records;
    }
}
