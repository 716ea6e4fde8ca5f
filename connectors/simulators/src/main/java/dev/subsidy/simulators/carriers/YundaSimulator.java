package dev.subsidy.simulators.carriers;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Request;
import java.util.List;
import java.util.Set;

/**
 * Yunda's trace query: JSON body {appkey, mailno}, headers app-key, req-time and sign = lower-case hex
 * MD5(body + "_" + appSecret). Errors (not confirmed): {@code 1003} signature, {@code 1009} frequency.
 */
public final class YundaSimulator extends CarrierSimulator {

    public YundaSimulator(String realWaybill) {
        super(realWaybill);
    }

    @Override
    String path() {
        return "/openapi/outer/logictis/query";
    }

    @Override
    boolean signedCorrectly(Request request) {
        return APP_KEY.equals(request.getHeader("app-key")) && request.getHeader("req-time") != null
                && Digest.hexMd5(request.getBodyAsString() + "_" + SECRET).equals(request.getHeader("sign"));
    }

    @Override
    List<String> asked(Request request) {
        return List.of(tree(request.getBodyAsString()).path("mailno").asText());
    }

    @Override
    String reply(List<String> asked, Set<String> withScans) {
        ObjectNode reply = JSON.createObjectNode().put("result", true).put("code", "0000").put("message", "请求成功");
        ObjectNode data = reply.putObject("data").put("mailno", asked.get(0));
        ArrayNode steps = data.putArray("steps");
        if (withScans.contains(asked.get(0))) {
            data.put("status", "SIGNED");
            for (Scan s : Scan.TRACE) {
                steps.addObject().put("time", s.time())
                        .put("action", s.kind() == Scan.Kind.COLLECT ? "GOT" : s.kind() == Scan.Kind.SIGN ? "SIGNED" : "ARRIVAL")
                        .put("description", "【" + s.siteName() + "】").put("station", s.site())
                        .put("station_name", s.siteName()).put("city", s.city());
            }
        }
        return reply.toString();
    }

    @Override
    ResponseDefinitionBuilder signatureRefused() {
        return json("{\"result\":false,\"code\":\"1003\",\"message\":\"签名错误\",\"data\":null}");
    }

    @Override
    ResponseDefinitionBuilder overLimit() {
        return json("{\"result\":false,\"code\":\"1009\",\"message\":\"访问频率超限\",\"data\":null}");
    }
}
