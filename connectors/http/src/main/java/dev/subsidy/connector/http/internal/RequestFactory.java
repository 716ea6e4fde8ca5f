package dev.subsidy.connector.http.internal;

import static dev.subsidy.connector.http.HttpPullSettings.AUTH_PASSWORD;
import static dev.subsidy.connector.http.HttpPullSettings.AUTH_TOKEN;
import static dev.subsidy.connector.http.HttpPullSettings.SIGNER_SECRET;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.subsidy.connector.api.ConnectorContext;
import dev.subsidy.connector.api.HttpCall;
import dev.subsidy.connector.api.RequestSigner;
import dev.subsidy.connector.api.SignableRequest;
import dev.subsidy.connector.api.SignatureResult;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Builds one request: static and dynamic parameters in their place (query, form or JSON body, or the
 * dynamic ones inside one JSON-text parameter when {@code json_param} says so), static headers, and the
 * authentication, signing last over exactly what is sent.
 *
 * <p>Secrets are read from the context for each request and revealed only into the request itself;
 * nothing here keeps or logs them. A request is built anew for every attempt, so a signed timestamp
 * is always fresh. Thread-safe (no mutable state).
 */
final class RequestFactory {

    private final RequestSpec spec;
    private final AuthSpec auth;
    private final RequestSigner signer;
    private final ConnectorContext context;
    private final ObjectMapper json;
    /** Static members of the JSON parameter's object; copied, never changed. */
    private final ObjectNode jsonParamBase;

    /** @param signer the resolved signer for {@link AuthSpec.Signed}, else {@code null} */
    RequestFactory(RequestSpec spec, AuthSpec auth, RequestSigner signer, ConnectorContext context, ObjectMapper json) {
        this.spec = spec;
        this.auth = auth;
        this.signer = signer;
        this.context = context;
        this.json = json;
        try {
            this.jsonParamBase = (ObjectNode) json.readTree(spec.jsonParamBase());
        } catch (JsonProcessingException | ClassCastException e) {
            // validation refuses anything but an object; a value that slipped through is a bug
            throw new IllegalArgumentException("json_param_base is not a JSON object", e);
        }
    }

    /**
     * The request carrying these parameters (paging, window), after the static ones.
     *
     * @param dynamic parameter names to {@link String} or {@link Long} values
     */
    HttpCall build(Map<String, Object> dynamic) {
        RequestSpec.ParamsIn in = spec.paramsIn();
        Map<String, Object> params = new LinkedHashMap<>(spec.params());
        if (spec.jsonParam().isPresent()) {
            params.put(spec.jsonParam().get(), jsonParam(dynamic));
        } else {
            params.putAll(dynamic);
        }
        Map<String, String> query = new LinkedHashMap<>(spec.query());
        Map<String, String> headers = new LinkedHashMap<>(spec.headers());

        if (auth instanceof AuthSpec.Basic basic) {
            headers.put("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                    (basic.username() + ":" + context.secret(AUTH_PASSWORD).reveal()).getBytes(StandardCharsets.UTF_8)));
        } else if (auth instanceof AuthSpec.Bearer) {
            headers.put("Authorization", "Bearer " + context.secret(AUTH_TOKEN).reveal());
        } else if (auth instanceof AuthSpec.ApiKey key) {
            (key.inQuery() ? query : headers).put(key.name(), context.secret(AUTH_TOKEN).reveal());
        } else if (auth instanceof AuthSpec.Signed signed) {
            sign(signed, params, query, headers);
        }

        String body = switch (in) {
            case QUERY -> {
                params.forEach((k, v) -> query.put(k, v.toString()));
                yield "";
            }
            case FORM -> form(params);
            case JSON -> jsonBody(params);
        };
        Map<String, List<String>> h = new LinkedHashMap<>();
        if (in == RequestSpec.ParamsIn.FORM) {
            h.put("Content-Type", List.of("application/x-www-form-urlencoded;charset=UTF-8"));
        } else if (in == RequestSpec.ParamsIn.JSON) {
            h.put("Content-Type", List.of("application/json;charset=UTF-8"));
        }
        headers.forEach((k, v) -> h.put(k, List.of(v)));
        return new HttpCall(spec.method(), withQuery(spec.endpoint(), query), h,
                body.isEmpty() ? null : body.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Adds the access token and timestamp, then the signature over everything sent. They travel with
     * the other parameters, except with a JSON body: that is signed whole, so they go in the query.
     */
    private void sign(AuthSpec.Signed signed, Map<String, Object> params, Map<String, String> query, Map<String, String> headers) {
        boolean jsonBody = spec.paramsIn() == RequestSpec.ParamsIn.JSON;
        Map<String, Object> added = new LinkedHashMap<>();
        signed.tokenParam().ifPresent(p -> added.put(p, context.secret(AUTH_TOKEN).reveal()));
        signed.timestampParam().ifPresent(p -> added.put(p, signed.timestampFormat().format(context.clock().instant())));
        if (jsonBody) {
            added.forEach((k, v) -> query.put(k, v.toString()));
        } else {
            params.putAll(added);
        }

        Map<String, String> signedParams = new LinkedHashMap<>(query);
        if (!jsonBody) {
            params.forEach((k, v) -> signedParams.put(k, v.toString()));
        }
        String path = spec.endpoint().getRawPath();
        SignableRequest.Builder request = SignableRequest.builder()
                .method(spec.method())
                .path(path == null || path.isEmpty() ? "/" : path)
                .params(signedParams)
                .body(jsonBody ? jsonBody(params) : "")
                .secret(context.secret(SIGNER_SECRET));
        headers.forEach(request::header);
        signed.attributes().forEach(request::attribute);
        SignatureResult result = signer.sign(request.build());
        headers.putAll(result.headers());
        if (jsonBody) {
            query.putAll(result.params());
        } else {
            params.putAll(result.params());
        }
    }

    /**
     * The paging and window parameters inside the static object, as compact JSON with sorted keys: the
     * same checkpoint always gives the same text, so a repeated poll sends (and signs) the same request.
     * A dynamic value replaces a static member of the same name.
     */
    private String jsonParam(Map<String, Object> dynamic) {
        Map<String, JsonNode> members = new TreeMap<>();
        jsonParamBase.fields().forEachRemaining(e -> members.put(e.getKey(), e.getValue()));
        dynamic.forEach((k, v) -> members.put(k, v instanceof Long n ? LongNode.valueOf(n) : TextNode.valueOf(v.toString())));
        ObjectNode node = json.createObjectNode();
        members.forEach(node::set);
        try {
            return json.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + spec.jsonParam().orElse("json_param"), e);
        }
    }

    private static String form(Map<String, Object> params) {
        Map<String, String> text = new LinkedHashMap<>();
        params.forEach((k, v) -> text.put(k, v.toString()));
        return encode(text);
    }

    /** Parameters as a compact JSON object; numbers stay numbers. Deterministic, so the signed body is the sent one. */
    private String jsonBody(Map<String, Object> params) {
        ObjectNode node = json.createObjectNode();
        params.forEach((k, v) -> {
            if (v instanceof Long n) {
                node.put(k, n);
            } else {
                node.put(k, v.toString());
            }
        });
        try {
            return json.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a JSON body", e);
        }
    }

    private static URI withQuery(URI endpoint, Map<String, String> query) {
        if (query.isEmpty()) {
            return endpoint;
        }
        String base = endpoint.toString();
        return URI.create(base + (endpoint.getRawQuery() == null ? "?" : "&") + encode(query));
    }

    private static String encode(Map<String, String> values) {
        return values.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
