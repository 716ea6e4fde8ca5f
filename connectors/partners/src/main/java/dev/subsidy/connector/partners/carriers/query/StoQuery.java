package dev.subsidy.connector.partners.carriers.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.subsidy.connector.api.SourceRecord;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * STO {@code STO_TRACE_QUERY_COMMON} on the LINK gateway [H]: a form POST to {@code /gateway/link.do}
 * of api_name, content {@code {"order":"asc","waybillNoList":[…]}}, from_appkey, from_code (the
 * company code, else the app key), to_appkey and to_code {@code sto_trace_query}, and data_digest
 * (Base64 MD5 of content + secret key). The reply's data maps each waybill to its scans; each waybill
 * with scans becomes {@code {"waybillNo", "traces"}}, the shape {@code sto-trace-push} reads.
 *
 * <p>Error codes are not confirmed [L]: the defaults are the LINK gateway's ({@link LinkGatewayQuery});
 * override them in the definition.
 */
final class StoQuery extends LinkGatewayQuery {

    static final String API = "STO_TRACE_QUERY_COMMON";
    static final String TO = "sto_trace_query";

    StoQuery() {
        super("STO");
    }

    @Override
    public String signerName() {
        return "sto";
    }

    @Override
    public int maxPerCall() {
        return 20;
    }

    @Override
    Map<String, String> form(QueryCall call) {
        ObjectNode content = Replies.JSON.createObjectNode().put("order", "asc");
        call.waybills().forEach(content.putArray("waybillNoList")::add);
        Map<String, String> form = new LinkedHashMap<>();
        form.put("api_name", API);
        form.put("content", Replies.write(content));
        form.put("from_appkey", call.appKey());
        form.put("from_code", call.company() != null ? call.company() : call.appKey());
        form.put("to_appkey", TO);
        form.put("to_code", TO);
        return form;
    }

    @Override
    String dataNotAnObject() {
        return "data is not a map of waybills";
    }

    @Override
    List<SourceRecord> records(QueryCall call, JsonNode data) {
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
