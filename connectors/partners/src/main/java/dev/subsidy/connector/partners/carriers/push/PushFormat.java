package dev.subsidy.connector.partners.carriers.push;

import dev.subsidy.connector.api.PushRequest;
import dev.subsidy.connector.partners.carriers.CarrierApi;
import java.util.List;
import java.util.Optional;

/**
 * How one carrier pushes traces: where the payload is (the JSON body, or a form field holding JSON),
 * how it is cut per waybill, how the push is signed (when it is), and what the carrier expects as
 * acknowledgement. Confidence as in docs/partners.md: ZTO and kuaidi100 [H]; SF [M]; STO, J&amp;T,
 * Cainiao envelopes [L] (their call schemes [H/M] applied to pushes); Yunda, YTO, JD [L]. Immutable.
 *
 * @param formField the form field holding the payload, or empty for a JSON body
 * @param formBodyField for a carrier whose payload is a JSON body, the form field holding it when a push
 *     comes form-encoded instead (ZTO's client has both modes), or empty
 * @param splitter cuts the payload per waybill
 * @param verifier the signature check, or empty when no scheme is known for the carrier's pushes
 * @param verifierRequired whether a definition must give the verification secret (the carrier always signs)
 * @param acknowledgement the JSON body the carrier expects back after a successful push
 */
record PushFormat(Optional<String> formField, Optional<String> formBodyField, PushSplitter splitter, Optional<PushVerifier> verifier,
                  boolean verifierRequired, String acknowledgement) {

    /** The payload text of a push, or {@code null} when it has none where this carrier puts it. */
    String payload(PushRequest request) {
        if (formField.isPresent()) {
            return PushForm.fields(request).get(formField.get());
        }
        if (formBodyField.isPresent() && PushForm.isForm(request)) {
            return PushForm.fields(request).get(formBodyField.get());
        }
        return request.bodyText();
    }

    /** Where the payload is, for a refusal: {@code its content field} or {@code a body}. */
    String payloadPlace() {
        return formField.map(f -> "its " + f + " field").orElse("a body");
    }

    static PushFormat of(CarrierApi carrier) {
        return switch (carrier) {
            case ZTO -> new PushFormat(Optional.empty(), Optional.of("data"),
                    PushSplitter.events("billCode", List.of(List.of("data"), List.of("events"))),
                    Optional.of(PushVerifier.zto()), true, "{\"status\":true,\"message\":\"success\",\"statusCode\":\"0000\"}");
            case KUAIDI100 -> new PushFormat(Optional.of("param"), Optional.empty(), PushSplitter.whole("nu"),
                    Optional.of(PushVerifier.kuaidi100()), true, "{\"result\":true,\"returnCode\":\"200\",\"message\":\"成功\"}");
            case SF -> new PushFormat(Optional.empty(), Optional.empty(),
                    PushSplitter.events("mailno", List.of(List.of("Body", "WaybillRoute"), List.of("WaybillRoute"))),
                    Optional.empty(), false, "{\"return_code\":\"0000\",\"return_msg\":\"成功\"}");
            case STO -> new PushFormat(Optional.of("content"), Optional.empty(), PushSplitter.whole("waybillNo"),
                    Optional.of(PushVerifier.sto()), false, "{\"success\":true,\"errorCode\":\"\",\"errorMsg\":\"\",\"needRetry\":false}");
            case CAINIAO -> new PushFormat(Optional.of("logistics_interface"), Optional.empty(), PushSplitter.whole("mailNo"),
                    Optional.of(PushVerifier.cainiao()), false, "{\"success\":\"true\",\"errorCode\":\"\",\"errorMsg\":\"\"}");
            case JT -> new PushFormat(Optional.of("bizContent"), Optional.empty(), PushSplitter.items("billCode"),
                    Optional.of(PushVerifier.jt()), false, "{\"code\":\"1\",\"msg\":\"success\",\"data\":\"SUCCESS\"}");
            case YUNDA -> new PushFormat(Optional.empty(), Optional.empty(), PushSplitter.whole("mailno"),
                    Optional.empty(), false, "{\"result\":true,\"code\":\"0000\",\"message\":\"成功\"}");
            case YTO -> new PushFormat(Optional.empty(), Optional.empty(), PushSplitter.whole("waybill_No"),
                    Optional.empty(), false, "{\"success\":true,\"code\":\"0\",\"message\":\"成功\"}");
            case JD -> new PushFormat(Optional.empty(), Optional.empty(), PushSplitter.whole("waybillCode"),
                    Optional.empty(), false, "{\"code\":0,\"msg\":\"success\"}");
        };
    }
}
