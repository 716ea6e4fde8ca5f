package dev.subsidy.connector.api;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What a {@link RequestSigner} adds to a request: headers and query or form parameters, each
 * replacing any of the same name. Immutable.
 *
 * @param headers header names to values
 * @param params parameter names to values
 */
public record SignatureResult(Map<String, String> headers, Map<String, String> params) {

    public SignatureResult {
        headers = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(headers, "headers")));
        params = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(params, "params")));
    }

    /** One header to add. */
    public static SignatureResult header(String name, String value) {
        return new SignatureResult(Map.of(name, value), Map.of());
    }

    /** One parameter to add. */
    public static SignatureResult param(String name, String value) {
        return new SignatureResult(Map.of(), Map.of(name, value));
    }

    /** Parameters to add, in order. */
    public static SignatureResult params(Map<String, String> params) {
        return new SignatureResult(Map.of(), params);
    }

    /** The request with these headers and parameters applied. */
    public SignableRequest applyTo(SignableRequest request) {
        SignableRequest.Builder b = request.toBuilder();
        headers.forEach(b::header);
        params.forEach(b::param);
        return b.build();
    }

    /** Names only: a signature is a credential for as long as its timestamp is valid. */
    @Override
    public String toString() {
        return "SignatureResult[headers=" + headers.keySet() + ", params=" + params.keySet() + "]";
    }
}
