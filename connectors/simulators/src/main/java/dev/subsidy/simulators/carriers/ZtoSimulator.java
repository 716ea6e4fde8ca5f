package dev.subsidy.simulators.carriers;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Request;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * ZTO's open platform: {@code POST /zto.merchant.waybill.track.query} with {@code x-appKey} and
 * {@code x-dataDigest} = Base64(MD5(raw body + appSecret)); {@code S211} for a bad digest, {@code S221}
 * over the QPS limit, both as HTTP 200 with {@code status: false}.
 */
public final class ZtoSimulator extends CarrierSimulator {

    private static final Map<Scan.Kind, String> TYPES = Map.of(Scan.Kind.COLLECT, "收件", Scan.Kind.ARRIVE, "到件", Scan.Kind.SIGN, "签收");

    public ZtoSimulator(String realWaybill) {
        super(realWaybill);
    }

    @Override
    String path() {
        return "/zto.merchant.waybill.track.query";
    }

    @Override
    boolean signedCorrectly(Request request) {
        return APP_KEY.equals(request.getHeader("x-appKey"))
                && Digest.base64Md5(request.getBodyAsString() + SECRET).equals(request.getHeader("x-dataDigest"));
    }

    @Override
    List<String> asked(Request request) {
        return List.of(tree(request.getBodyAsString()).path("billCode").asText());
    }

    @Override
    String reply(List<String> asked, Set<String> withScans) {
        ObjectNode reply = JSON.createObjectNode().put("status", true).put("message", "").put("statusCode", "");
        ArrayNode result = reply.putArray("result");
        if (withScans.contains(asked.get(0))) {
            for (Scan s : Scan.TRACE) {
                ObjectNode scan = result.addObject().put("billCode", asked.get(0)).put("scanDate", s.time())
                        .put("scanType", TYPES.get(s.kind())).put("desc", "【" + s.siteName() + "】" + TYPES.get(s.kind()));
                scan.putObject("scanSite").put("code", s.site()).put("name", s.siteName()).put("city", s.city());
            }
        }
        return reply.toString();
    }

    @Override
    ResponseDefinitionBuilder signatureRefused() {
        return json("{\"status\":false,\"statusCode\":\"S211\",\"message\":\"签名验证失败\",\"result\":null}");
    }

    @Override
    ResponseDefinitionBuilder overLimit() {
        return json("{\"status\":false,\"statusCode\":\"S221\",\"message\":\"QPS超限，请稍后再试\",\"result\":null}");
    }
}
