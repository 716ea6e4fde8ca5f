package dev.subsidy.simulators.carriers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Request;
import java.util.List;
import java.util.Set;

/**
 * YTO's open platform {@code /open/track_query_adapter/v1/<partner>}: a JSON body {timestamp, param,
 * sign, format} with sign = Base64(MD5(param + "track_query_adapter" + "v1" + secret)); the reply is
 * the list of scans. Errors (not confirmed): {@code 1001} signature, {@code 1021} frequency.
 */
public final class YtoSimulator extends CarrierSimulator {

    private static final String PATH = "/open/track_query_adapter/v1/" + APP_KEY;

    public YtoSimulator(String realWaybill) {
        super(realWaybill);
    }

    @Override
    String path() {
        return PATH;
    }

    @Override
    boolean signedCorrectly(Request request) {
        JsonNode body = tree(request.getBodyAsString());
        String param = body.path("param").asText();
        return "JSON".equals(body.path("format").asText()) && !body.path("timestamp").asText().isEmpty()
                && Digest.base64Md5(param + "track_query_adapter" + "v1" + SECRET).equals(body.path("sign").asText());
    }

    @Override
    List<String> asked(Request request) {
        return List.of(tree(tree(request.getBodyAsString()).path("param").asText()).path("Number").asText());
    }

    @Override
    String reply(List<String> asked, Set<String> withScans) {
        ArrayNode scans = JSON.createArrayNode();
        for (String number : known(asked, withScans)) {
            for (Scan s : Scan.TRACE) {
                scans.addObject().put("waybill_No", number).put("upload_Time", s.time())
                        .put("infoContent", s.kind() == Scan.Kind.COLLECT ? "GOT" : s.kind() == Scan.Kind.SIGN ? "SIGNED" : "ARRIVAL")
                        .put("processInfo", "【" + s.siteName() + "】").put("city", s.city()).put("orgCode", s.site());
            }
        }
        return scans.toString();
    }

    @Override
    ResponseDefinitionBuilder signatureRefused() {
        return json("{\"code\":\"1001\",\"message\":\"签名验证失败\"}");
    }

    @Override
    ResponseDefinitionBuilder overLimit() {
        return json("{\"code\":\"1021\",\"message\":\"调用频率超限\"}");
    }
}
