package dev.subsidy.simulators.carriers;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Request;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * STO's LINK gateway {@code /gateway/link.do}: api_name STO_TRACE_QUERY_COMMON, to_appkey/to_code
 * sto_trace_query, data_digest = Base64(MD5(content + secretKey)); data maps each waybill to its scans.
 * Errors (not confirmed, plausible LINK-style): {@code S02} illegal signature, {@code S12} flow control.
 */
public final class StoSimulator extends CarrierSimulator {

    public StoSimulator(String realWaybill) {
        super(realWaybill);
    }

    @Override
    String path() {
        return "/gateway/link.do";
    }

    @Override
    boolean signedCorrectly(Request request) {
        Map<String, String> f = form(request);
        return "STO_TRACE_QUERY_COMMON".equals(f.get("api_name")) && APP_KEY.equals(f.get("from_appkey"))
                && "sto_trace_query".equals(f.get("to_appkey")) && "sto_trace_query".equals(f.get("to_code"))
                && Digest.base64Md5(f.getOrDefault("content", "") + SECRET).equals(f.get("data_digest"));
    }

    @Override
    List<String> asked(Request request) {
        List<String> numbers = new ArrayList<>();
        tree(form(request).get("content")).path("waybillNoList").forEach(n -> numbers.add(n.asText()));
        return numbers;
    }

    @Override
    String reply(List<String> asked, Set<String> withScans) {
        ObjectNode reply = JSON.createObjectNode().put("success", "true");
        reply.putNull("errorCode");
        reply.putNull("errorMsg");
        ObjectNode data = reply.putObject("data");
        for (String number : known(asked, withScans)) {
            ArrayNode scans = data.putArray(number);
            for (Scan s : Scan.TRACE) {
                scans.addObject().put("waybillNo", number).put("opTime", s.time())
                        .put("scanType", s.kind() == Scan.Kind.COLLECT ? "收件" : s.kind() == Scan.Kind.SIGN ? "签收" : "到件")
                        .put("memo", s.siteName()).put("opOrgName", s.siteName()).put("opOrgCode", s.site()).put("opOrgCityName", s.city());
            }
        }
        return reply.toString();
    }

    @Override
    ResponseDefinitionBuilder signatureRefused() {
        return json("{\"success\":\"false\",\"errorCode\":\"S02\",\"errorMsg\":\"非法的数字签名\",\"data\":null}");
    }

    @Override
    ResponseDefinitionBuilder overLimit() {
        return json("{\"success\":\"false\",\"errorCode\":\"S12\",\"errorMsg\":\"调用频率超过限制\",\"data\":null}");
    }
}
