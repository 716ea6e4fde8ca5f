package dev.subsidy.simulators.carriers;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Request;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * JD Logistics' LOP gateway: query app_key, access_token, timestamp, v=2.0, algorithm=md5-salt and
 * sign = lower-case hex MD5(secret + "access_token"… + "app_key"… + "method" + path + "param_json" +
 * body + "timestamp"… + "v"… + secret); JSON body [{waybillCode}]. Errors (not confirmed): {@code 1000}
 * signature, {@code 1001} frequency.
 */
public final class JdSimulator extends CarrierSimulator {

    public static final String TOKEN = "sim-access-token";
    private static final String PATH = "/ecap/v1/orders/trace/query";

    public JdSimulator(String realWaybill) {
        super(realWaybill);
    }

    @Override
    String path() {
        return PATH;
    }

    @Override
    boolean signedCorrectly(Request request) {
        Map<String, String> q = Digest.query(request.getUrl());
        String text = SECRET + "access_token" + q.getOrDefault("access_token", "") + "app_key" + q.get("app_key")
                + "method" + PATH + "param_json" + request.getBodyAsString() + "timestamp" + q.get("timestamp")
                + "v" + q.get("v") + SECRET;
        return APP_KEY.equals(q.get("app_key")) && TOKEN.equals(q.get("access_token")) && "2.0".equals(q.get("v"))
                && "md5-salt".equals(q.get("algorithm")) && Digest.hexMd5(text).equals(q.get("sign"));
    }

    @Override
    List<String> asked(Request request) {
        return List.of(tree(request.getBodyAsString()).path(0).path("waybillCode").asText());
    }

    @Override
    String reply(List<String> asked, Set<String> withScans) {
        ObjectNode reply = JSON.createObjectNode().put("code", 0).put("msg", "success");
        ObjectNode data = reply.putObject("data").put("waybillCode", asked.get(0));
        ArrayNode details = data.putArray("traceDetails");
        if (withScans.contains(asked.get(0))) {
            for (Scan s : Scan.TRACE) {
                details.addObject().put("operationTime", s.time())
                        .put("operationTitle", s.kind() == Scan.Kind.COLLECT ? "揽收任务完成" : s.kind() == Scan.Kind.SIGN ? "妥投" : "分拣中心验货")
                        .put("operationRemark", "【" + s.siteName() + "】").put("siteCode", s.site())
                        .put("siteName", s.siteName()).put("city", s.city());
            }
        }
        return reply.toString();
    }

    @Override
    ResponseDefinitionBuilder signatureRefused() {
        return json("{\"code\":1000,\"msg\":\"签名校验失败\",\"data\":null}");
    }

    @Override
    ResponseDefinitionBuilder overLimit() {
        return json("{\"code\":1001,\"msg\":\"调用频率超出限制\",\"data\":null}");
    }
}
