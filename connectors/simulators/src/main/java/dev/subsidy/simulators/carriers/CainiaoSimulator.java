package dev.subsidy.simulators.carriers;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Request;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Cainiao's LINK gateway: msg_type CN_OVERSEA_LOGISTICS_INQUIRY_TRACKING, logistic_provider_id,
 * logistics_interface {"mailNo"}, data_digest = Base64(MD5(logistics_interface + secretKey)). A
 * cross-border trace: collected in China, delivered in Malaysia. Errors: {@code S02} illegal signature
 * (LINK's list [M]), {@code S12} flow control (a guess).
 */
public final class CainiaoSimulator extends CarrierSimulator {

    public CainiaoSimulator(String realWaybill) {
        super(realWaybill);
    }

    @Override
    String path() {
        return "/gateway/link.do";
    }

    @Override
    boolean signedCorrectly(Request request) {
        Map<String, String> f = form(request);
        return "CN_OVERSEA_LOGISTICS_INQUIRY_TRACKING".equals(f.get("msg_type")) && APP_KEY.equals(f.get("logistic_provider_id"))
                && Digest.base64Md5(f.getOrDefault("logistics_interface", "") + SECRET).equals(f.get("data_digest"));
    }

    @Override
    List<String> asked(Request request) {
        return List.of(tree(form(request).get("logistics_interface")).path("mailNo").asText());
    }

    @Override
    String reply(List<String> asked, Set<String> withScans) {
        ObjectNode reply = JSON.createObjectNode().put("success", "true");
        ObjectNode data = reply.putObject("data").put("mailNo", asked.get(0));
        ArrayNode traces = data.putArray("traces");
        if (withScans.contains(asked.get(0))) {
            for (Scan s : Scan.TRACE) {
                boolean signed = s.kind() == Scan.Kind.SIGN;
                ObjectNode event = traces.addObject().put("time", s.time())
                        .put("action", s.kind() == Scan.Kind.COLLECT ? "PU_PICKUP_SUCCESS" : signed ? "GTMS_SIGNED" : "LH_HO_IN_SUCCESS")
                        .put("desc", s.siteName()).put("country", signed ? "MY" : "CN").put("city", signed ? "Kuala Lumpur" : s.city());
                if (!signed) {
                    event.put("facility", s.site());
                }
            }
        }
        return reply.toString();
    }

    @Override
    ResponseDefinitionBuilder signatureRefused() {
        return json("{\"success\":\"false\",\"errorCode\":\"S02\",\"errorMsg\":\"非法的数字签名\"}");
    }

    @Override
    ResponseDefinitionBuilder overLimit() {
        return json("{\"success\":\"false\",\"errorCode\":\"S12\",\"errorMsg\":\"调用频率超过限制\"}");
    }
}
