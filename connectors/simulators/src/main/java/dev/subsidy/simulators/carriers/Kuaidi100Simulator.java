package dev.subsidy.simulators.carriers;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Request;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * kuaidi100's {@code /poll/query.do}: form customer, param {com, num, phone, resultv2}, sign =
 * upper-case hex MD5(param + key + customer); scans newest first with area codes. Errors:
 * {@code 503} 验证签名失败, {@code 500} 查询无结果, {@code 502} busy (treated as the limit).
 */
public final class Kuaidi100Simulator extends CarrierSimulator {

    public Kuaidi100Simulator(String realWaybill) {
        super(realWaybill);
    }

    @Override
    String path() {
        return "/poll/query.do";
    }

    @Override
    boolean signedCorrectly(Request request) {
        Map<String, String> f = form(request);
        return APP_KEY.equals(f.get("customer"))
                && Digest.upperHexMd5(f.getOrDefault("param", "") + SECRET + APP_KEY).equals(f.get("sign"));
    }

    @Override
    List<String> asked(Request request) {
        return List.of(tree(form(request).get("param")).path("num").asText());
    }

    @Override
    String reply(List<String> asked, Set<String> withScans) {
        if (!withScans.contains(asked.get(0))) {
            return "{\"result\":false,\"returnCode\":\"500\",\"message\":\"查询无结果，请隔段时间再查\"}";
        }
        ObjectNode reply = JSON.createObjectNode().put("message", "ok").put("nu", asked.get(0)).put("ischeck", "1")
                .put("condition", "F00").put("com", "zhongtong").put("status", "200").put("state", "3");
        ArrayNode data = reply.putArray("data");
        for (Scan s : Scan.newestFirst()) {
            data.addObject().put("time", s.time()).put("ftime", s.time()).put("context", "【" + s.siteName() + "】")
                    .put("status", s.kind() == Scan.Kind.COLLECT ? "揽收" : s.kind() == Scan.Kind.SIGN ? "签收" : "在途")
                    .put("statusCode", s.kind() == Scan.Kind.COLLECT ? "1" : s.kind() == Scan.Kind.SIGN ? "301" : "0")
                    .put("areaCode", "CN" + s.areaCode()).put("areaName", s.city());
        }
        return reply.toString();
    }

    @Override
    ResponseDefinitionBuilder signatureRefused() {
        return json("{\"result\":false,\"returnCode\":\"503\",\"message\":\"验证签名失败\"}");
    }

    @Override
    ResponseDefinitionBuilder overLimit() {
        return json("{\"result\":false,\"returnCode\":\"502\",\"message\":\"服务器繁忙，请稍后再试\"}");
    }
}
