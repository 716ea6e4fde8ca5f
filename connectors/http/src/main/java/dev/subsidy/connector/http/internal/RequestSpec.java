package dev.subsidy.connector.http.internal;

import static dev.subsidy.connector.http.HttpPullSettings.*;

import dev.subsidy.connector.api.ConnectorConfig;
import java.net.URI;
import java.util.Map;
import java.util.Optional;

/**
 * What every request of an instance shares: endpoint, method, where parameters go, static parameters,
 * query and headers. Immutable.
 *
 * @param endpoint {@code base_url} followed by {@code path}
 * @param method GET or POST
 * @param paramsIn where parameters go
 * @param params static parameters, sent where {@code paramsIn} says
 * @param query static query parameters
 * @param headers static headers
 * @param jsonParam the parameter carrying the paging and window parameters as one JSON object, if any
 * @param jsonParamBase that object's static members, as JSON text ({@code {}} when none)
 */
record RequestSpec(URI endpoint, String method, ParamsIn paramsIn, Map<String, String> params,
                   Map<String, String> query, Map<String, String> headers, Optional<String> jsonParam, String jsonParamBase) {

    /** Where parameters travel. */
    enum ParamsIn {
        QUERY, FORM, JSON
    }

    static RequestSpec from(ConnectorConfig c) {
        String base = c.getString(BASE_URL).trim();
        String path = c.find(PATH).map(String::trim).orElse("");
        if (!path.isEmpty() && base.endsWith("/") && path.startsWith("/")) {
            base = base.substring(0, base.length() - 1);
        } else if (!path.isEmpty() && !base.endsWith("/") && !path.startsWith("/")) {
            path = "/" + path;
        }
        return new RequestSpec(URI.create(base + path), c.getString(METHOD),
                ParamsIn.valueOf(c.getString(PARAMS_IN).toUpperCase(java.util.Locale.ROOT)),
                NameValues.parse(c.getList(PARAMS)), NameValues.parse(c.getList(QUERY)), NameValues.parse(c.getList(HEADERS)),
                c.find(JSON_PARAM).map(String::trim), c.find(JSON_PARAM_BASE).map(String::trim).orElse("{}"));
    }
}
