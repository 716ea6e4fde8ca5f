package dev.subsidy.simulators.carriers;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Request;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * J&amp;T's {@code /webopenplatformapi/api/logistics/trace}: form field bizContent {"billCodes": "a,b"},
 * headers apiAccount, timestamp and digest = Base64(MD5(bizContent + privateKey)); details newest
 * first. Errors (not confirmed): {@code 145003030} signature, {@code 145003050} frequency.
 */
public final class JtSimulator extends CarrierSimulator {

    public JtSimulator(String realWaybill) {
        super(realWaybill);
    }

    @Override
    String path() {
        return "/webopenplatformapi/api/logistics/trace";
    }

    @Override
    boolean signedCorrectly(Request request) {
        String biz = form(request).getOrDefault("bizContent", "");
        return APP_KEY.equals(request.getHeader("apiAccount")) && request.getHeader("timestamp") != null
                && Digest.base64Md5(biz + SECRET).equals(request.getHeader("digest"));
    }

    @Override
    List<String> asked(Request request) {
        return Arrays.asList(tree(form(request).get("bizContent")).path("billCodes").asText().split(","));
    }

    @Override
    String reply(List<String> asked, Set<String> withScans) {
        ObjectNode reply = JSON.createObjectNode().put("code", "1").put("msg", "success");
        ArrayNode data = reply.putArray("data");
        for (String number : asked) {
            ArrayNode details = data.addObject().put("billCode", number).putArray("details");
            if (withScans.contains(number)) {
                for (Scan s : Scan.newestFirst()) {
                    details.addObject().put("scanTime", s.time())
                            .put("scanType", s.kind() == Scan.Kind.COLLECT ? "快件揽收" : s.kind() == Scan.Kind.SIGN ? "快件签收" : "到件扫描")
                            .put("desc", "【" + s.siteName() + "】").put("scanNetworkCode", s.site())
                            .put("scanNetworkName", s.siteName()).put("scanNetworkCity", s.city());
                }
            }
        }
        return reply.toString();
    }

    @Override
    ResponseDefinitionBuilder signatureRefused() {
        return json("{\"code\":\"145003030\",\"msg\":\"headers签名校验失败\",\"data\":null}");
    }

    @Override
    ResponseDefinitionBuilder overLimit() {
        return json("{\"code\":\"145003050\",\"msg\":\"请求过于频繁\",\"data\":null}");
    }
}
