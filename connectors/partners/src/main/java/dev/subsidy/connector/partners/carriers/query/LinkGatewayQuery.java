package dev.subsidy.connector.partners.carriers.query;

import com.fasterxml.jackson.databind.JsonNode;
import dev.subsidy.connector.api.ConnectorException;
import dev.subsidy.connector.api.HttpCall;
import dev.subsidy.connector.api.SignableRequest;
import dev.subsidy.connector.api.SourceRecord;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the carriers on Cainiao's LINK gateway share [H]: a signed form POST to {@code /gateway/link.do}
 * (data_digest added by the carrier's signer), a reply {@code {"success": "true", "data": …}} or
 * {@code {"errorCode", "errorMsg"}}, and the gateway's error codes as public clients quote its list [M]:
 * {@code S02} illegal signature, {@code S06}/{@code S07} time-out and system error; {@code S12} for flow
 * control is a guess. The form's fields and how {@code data} holds the traces are each carrier's own.
 */
abstract class LinkGatewayQuery implements QueryProtocol {

    private final String carrier;

    /** @param carrier the name the errors give, as a feeder knows the carrier */
    LinkGatewayQuery(String carrier) {
        this.carrier = carrier;
    }

    @Override
    public final String defaultPath(String appKey) {
        return "/gateway/link.do";
    }

    @Override
    public final ErrorCodes defaultCodes() {
        return new ErrorCodes(Set.of("S02"), Set.of("S12"), Set.of("S06", "S07"));
    }

    @Override
    public final HttpCall request(QueryCall call) {
        Map<String, String> form = form(call);
        form.putAll(Replies.sign(call, SignableRequest.builder().path(call.endpoint().getPath()).params(form)).params());
        return HttpCall.postForm(call.endpoint(), form, Map.of());
    }

    /** The form's fields before signing, in order, in a map the signature is added to. */
    abstract Map<String, String> form(QueryCall call);

    @Override
    public final List<SourceRecord> records(QueryCall call, JsonNode reply, ErrorCodes codes) throws ConnectorException {
        if (!Replies.isTrue(reply, "success")) {
            String code = Replies.text(reply, "errorCode");
            if (code == null) {
                throw Replies.badShape(carrier, "neither success nor an errorCode");
            }
            throw Replies.refused(carrier, code, Replies.text(reply, "errorMsg"), codes);
        }
        JsonNode data = reply.path("data");
        if (!data.isObject()) {
            throw Replies.badShape(carrier, dataNotAnObject());
        }
        return records(call, data);
    }

    /** What the error says when the reply's data is not an object. */
    abstract String dataNotAnObject();

    /** The records in a successful reply's {@code data} object. */
    abstract List<SourceRecord> records(QueryCall call, JsonNode data);
}
