package dev.subsidy.connector.api;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything a {@link RequestSigner} may read of an outbound request, plus its secret.
 *
 * <ul>
 *   <li>{@link #method()} and {@link #path()}: the HTTP method and the URL path (JD Logistics signs
 *       the path);</li>
 *   <li>{@link #params()}: query and form parameters together, in the order they are sent, one value
 *       each (Taobao, JD JOS, Pinduoduo, Douyin sign all of them; SF, STO, Cainiao, J&amp;T and
 *       kuaidi100 sign one or two named fields);</li>
 *   <li>{@link #body()}: the raw body text exactly as sent (ZTO and Yunda sign it), or empty;</li>
 *   <li>{@link #headers()}: headers already set;</li>
 *   <li>{@link #attributes()}: values a scheme signs that are not sent as parameters (for example a
 *       method name that travels in the path);</li>
 *   <li>{@link #secret()}: the scheme's secret (app secret, check word, private key, key).</li>
 * </ul>
 *
 * <p>Immutable. {@link #toString()} shows names only.
 */
public final class SignableRequest {

    private final String method;
    private final String path;
    private final Map<String, String> params;
    private final Map<String, String> headers;
    private final Map<String, String> attributes;
    private final String body;
    private final Secret secret;

    private SignableRequest(Builder b) {
        this.method = b.method;
        this.path = b.path;
        this.params = Collections.unmodifiableMap(new LinkedHashMap<>(b.params));
        this.headers = Collections.unmodifiableMap(new LinkedHashMap<>(b.headers));
        this.attributes = Collections.unmodifiableMap(new LinkedHashMap<>(b.attributes));
        this.body = b.body;
        this.secret = Objects.requireNonNull(b.secret, "a signable request needs its secret");
    }

    /** A new builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this request's values. */
    public Builder toBuilder() {
        Builder b = new Builder().method(method).path(path).body(body).secret(secret);
        params.forEach(b::param);
        headers.forEach(b::header);
        attributes.forEach(b::attribute);
        return b;
    }

    public String method() {
        return method;
    }

    public String path() {
        return path;
    }

    /** Query and form parameters, in sending order. */
    public Map<String, String> params() {
        return params;
    }

    public Optional<String> param(String name) {
        return Optional.ofNullable(params.get(name));
    }

    public Map<String, String> headers() {
        return headers;
    }

    /** A header by case-insensitive name. */
    public Optional<String> header(String name) {
        return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).map(Map.Entry::getValue).findFirst();
    }

    /** Signed values that are not sent as parameters. */
    public Map<String, String> attributes() {
        return attributes;
    }

    /** A parameter, or else an attribute, of this name. */
    public Optional<String> paramOrAttribute(String name) {
        return param(name).or(() -> Optional.ofNullable(attributes.get(name)));
    }

    /** The raw body text exactly as sent; {@code ""} when there is none. */
    public String body() {
        return body;
    }

    public Secret secret() {
        return secret;
    }

    @Override
    public String toString() {
        return "SignableRequest[" + method + " " + path + ", params=" + params.keySet() + ", headers=" + headers.keySet()
                + ", attributes=" + attributes.keySet() + ", body=" + body.length() + " chars, secret=****]";
    }

    /** Builds a {@link SignableRequest}. */
    public static final class Builder {
        private String method = "POST";
        private String path = "/";
        private final LinkedHashMap<String, String> params = new LinkedHashMap<>();
        private final LinkedHashMap<String, String> headers = new LinkedHashMap<>();
        private final LinkedHashMap<String, String> attributes = new LinkedHashMap<>();
        private String body = "";
        private Secret secret;

        private Builder() {
        }

        public Builder method(String method) {
            this.method = Objects.requireNonNull(method, "method").toUpperCase(Locale.ROOT);
            return this;
        }

        public Builder path(String path) {
            this.path = Objects.requireNonNull(path, "path");
            return this;
        }

        /** Sets a parameter (a {@code null} value removes it). */
        public Builder param(String name, String value) {
            if (value == null) {
                params.remove(name);
            } else {
                params.put(name, value);
            }
            return this;
        }

        public Builder params(Map<String, String> values) {
            values.forEach(this::param);
            return this;
        }

        public Builder header(String name, String value) {
            headers.put(name, Objects.requireNonNull(value, "value"));
            return this;
        }

        public Builder attribute(String name, String value) {
            attributes.put(name, Objects.requireNonNull(value, "value"));
            return this;
        }

        public Builder body(String body) {
            this.body = Objects.requireNonNullElse(body, "");
            return this;
        }

        public Builder secret(Secret secret) {
            this.secret = secret;
            return this;
        }

        public Builder secret(String secret) {
            this.secret = Secret.of(secret);
            return this;
        }

        public SignableRequest build() {
            return new SignableRequest(this);
        }
    }
}
