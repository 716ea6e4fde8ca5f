package dev.subsidy.connector.partners.carriers.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.subsidy.connector.api.ConnectorException;
import dev.subsidy.connector.api.HttpCall;
import dev.subsidy.connector.api.SignableRequest;
import dev.subsidy.connector.api.SourceRecord;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * kuaidi100 real-time query [H]: a form POST to {@code /poll/query.do} of customer, param
 * {@code {"com", "num", "phone", "resultv2": "1"}} (resultv2 asks for each scan's area code and status
 * code) and sign (upper-case hex MD5 of param + key + customer). A trace {@code {nu, com, data: [scans,
 * newest first]}} with scans is one record for {@code kuaidi100-trace-push}; a failure is
 * {@code {"result": false, "returnCode", "message"}}: {@code 503} bad signature and {@code 601} expired
 * key (unauthorized), {@code 500} no record yet (no record here), {@code 501} server error (transient),
 * {@code 502} server busy (treated as its rate limit [M]).
 */
final class Kuaidi100Query implements QueryProtocol {

    @Override
    public String signerName() {
        return "kuaidi100";
    }

    @Override
    public String defaultPath(String appKey) {
        return "/poll/query.do";
    }

    @Override
    public int maxPerCall() {
        return 1;
    }

    @Override
    public ErrorCodes defaultCodes() {
        return new ErrorCodes(Set.of("503", "601"), Set.of("502"), Set.of("501"));
    }

    @Override
    public HttpCall request(QueryCall call) {
        ObjectNode param = Replies.JSON.createObjectNode()
                .put("com", call.company() == null ? "auto" : call.company()).put("num", call.waybill());
        if (call.phone() != null) {
            param.put("phone", call.phone());
        }
        param.put("resultv2", "1");
        Map<String, String> form = new LinkedHashMap<>();
        form.put("customer", call.appKey());
        form.put("param", Replies.write(param));
        form.putAll(Replies.sign(call, SignableRequest.builder().path(call.endpoint().getPath()).params(form)).params());
        return HttpCall.postForm(call.endpoint(), form, Map.of());
    }

    @Override
    public List<SourceRecord> records(QueryCall call, JsonNode reply, ErrorCodes codes) throws ConnectorException {
        if (reply.has("result") && !Replies.isTrue(reply, "result")) {
            String code = String.valueOf(Replies.text(reply, "returnCode"));
            if (code.equals("500")) {
                return List.of();
            }
            throw Replies.refused("kuaidi100", code, Replies.text(reply, "message"), codes);
        }
        JsonNode data = reply.path("data");
        if (!reply.hasNonNull("nu") || !(data.isArray() || data.isMissingNode())) {
            throw Replies.badShape("kuaidi100", "no nu and list of scans");
        }
        return data.isArray() && !data.isEmpty() ? List.of(Replies.record(call.waybill(), reply)) : List.of();
    }
}
