package dev.subsidy.simulators.carriers;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Request;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * SF's {@code /std/service}: form fields partnerID, requestID, serviceCode, timestamp, msgData,
 * msgDigest = Base64(MD5(URL-encoded (msgData + timestamp + checkWord))). The reply's apiResultData is a
 * JSON <em>string</em>; routes come unsorted. {@code A1006} invalid signature, {@code A1005} flow
 * control (SF's codes as public clients quote them [M]).
 */
public final class SfSimulator extends CarrierSimulator {

    public SfSimulator(String realWaybill) {
        super(realWaybill);
    }

    @Override
    String path() {
        return "/std/service";
    }

    @Override
    boolean signedCorrectly(Request request) {
        Map<String, String> f = form(request);
        String text = f.getOrDefault("msgData", "") + f.getOrDefault("timestamp", "") + SECRET;
        return APP_KEY.equals(f.get("partnerID")) && "EXP_RECE_SEARCH_ROUTES".equals(f.get("serviceCode"))
                && f.getOrDefault("requestID", "").length() >= 32
                && Digest.base64Md5(URLEncoder.encode(text, StandardCharsets.UTF_8)).equals(f.get("msgDigest"));
    }

    @Override
    List<String> asked(Request request) {
        List<String> numbers = new ArrayList<>();
        tree(form(request).get("msgData")).path("trackingNumber").forEach(n -> numbers.add(n.asText()));
        return numbers;
    }

    @Override
    String reply(List<String> asked, Set<String> withScans) {
        ObjectNode data = JSON.createObjectNode().put("success", true).put("errorCode", "S0000");
        data.putNull("errorMsg");
        ArrayNode resps = data.putObject("msgData").putArray("routeResps");
        for (String number : asked) {
            ObjectNode resp = resps.addObject().put("mailNo", number);
            ArrayNode routes = resp.putArray("routes");
            if (withScans.contains(number)) {
                for (Scan s : Scan.unsorted()) {
                    routes.addObject().put("acceptTime", s.time()).put("acceptAddress", s.city())
                            .put("remark", s.siteName()).put("opCode", s.kind() == Scan.Kind.COLLECT ? "50" : s.kind() == Scan.Kind.SIGN ? "80" : "31");
                }
            }
        }
        ObjectNode reply = JSON.createObjectNode().put("apiResultCode", "A1000").put("apiErrorMsg", "")
                .put("apiResponseID", "000195E1B3A93C3FB7E8A5F8A2D6C000").put("apiResultData", data.toString());
        return reply.toString();
    }

    @Override
    ResponseDefinitionBuilder signatureRefused() {
        return json("{\"apiResultCode\":\"A1006\",\"apiErrorMsg\":\"数字签名无效\",\"apiResponseID\":\"000195E1B3A93C3FB7E8A5F8A2D6C001\",\"apiResultData\":null}");
    }

    @Override
    ResponseDefinitionBuilder overLimit() {
        return json("{\"apiResultCode\":\"A1005\",\"apiErrorMsg\":\"流量受控\",\"apiResponseID\":\"000195E1B3A93C3FB7E8A5F8A2D6C002\",\"apiResultData\":null}");
    }
}
