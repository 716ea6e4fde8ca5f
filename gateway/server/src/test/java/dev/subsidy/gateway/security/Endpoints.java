package dev.subsidy.gateway.security;

import java.lang.reflect.Method;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every endpoint the application serves, read from its request mappings (the controllers', the
 * actuator's, the error page's), each with a request path for it: a new endpoint is in the list
 * without anyone editing a test.
 */
final class Endpoints {

    /** Realistic values for the path variables the API has today; any other variable gets {@code sample}. */
    private static final Map<String, String> SAMPLES = Map.of(
            "connectorId", "standard", "kind", "shipment", "key", "ZTO:MATRIX0000001", "period", "2026-10");
    /** An id outside ASCII, as a Chinese subject or order id would be, percent-encoded in UTF-8. */
    static final String NON_ASCII_SAMPLE = "从江-matrix";

    private static final Pattern VARIABLE = Pattern.compile("\\{\\*?([^}:]+)(:[^}]*)?}|\\*\\*|\\*");

    /**
     * @param method one HTTP method (a mapping for any method is tried with GET and POST)
     * @param pattern the mapping's path pattern
     * @param handlers the controller methods mapped here
     * @param intercepted whether the dispatcher's interceptors see these handlers (the actuator's are not)
     * @param accept the media type to ask for: the first the mapping produces ({@code /v3/api-docs.yaml}
     *     answers YAML only), else JSON
     */
    record Endpoint(String method, String pattern, Set<Method> handlers, boolean intercepted, String accept) {

        /** The pattern with every variable filled with a sample value. */
        String samplePath() {
            return fill(null);
        }

        boolean hasVariables() {
            return VARIABLE.matcher(pattern).find();
        }

        /** The pattern with its last variable an id outside ASCII, percent-encoded as a client sends it. */
        String nonAsciiPath() {
            return fill(URLEncoder.encode(NON_ASCII_SAMPLE, StandardCharsets.UTF_8));
        }

        private String fill(String lastValue) {
            Matcher m = VARIABLE.matcher(pattern);
            List<int[]> spans = new ArrayList<>();
            List<String> values = new ArrayList<>();
            while (m.find()) {
                spans.add(new int[] {m.start(), m.end()});
                values.add(m.group(1) == null ? "sample" : SAMPLES.getOrDefault(m.group(1), "sample"));
            }
            if (lastValue != null && !values.isEmpty()) {
                values.set(values.size() - 1, lastValue);
            }
            StringBuilder path = new StringBuilder(pattern);
            for (int i = spans.size() - 1; i >= 0; i--) {
                path.replace(spans.get(i)[0], spans.get(i)[1], values.get(i));
            }
            return path.toString();
        }

        boolean mutating() {
            return !Set.of("GET", "HEAD", "OPTIONS").contains(method);
        }

        @Override
        public String toString() {
            return method + " " + pattern;
        }
    }

    static List<Endpoint> of(List<RequestMappingInfoHandlerMapping> mappings) {
        Map<String, Endpoint> endpoints = new LinkedHashMap<>();
        for (RequestMappingInfoHandlerMapping mapping : mappings) {
            boolean intercepted = mapping.getClass() == RequestMappingHandlerMapping.class;
            for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : mapping.getHandlerMethods().entrySet()) {
                Set<RequestMethod> declared = entry.getKey().getMethodsCondition().getMethods();
                String accept = entry.getKey().getProducesCondition().getProducibleMediaTypes().stream()
                        .map(Object::toString).findFirst().orElse("application/json");
                List<String> methods = declared.isEmpty() ? List.of("GET", "POST")
                        : declared.stream().map(RequestMethod::name).toList();
                for (String pattern : entry.getKey().getPatternValues()) {
                    for (String method : methods) {
                        Endpoint known = endpoints.computeIfAbsent(method + " " + pattern,
                                k -> new Endpoint(method, pattern, new LinkedHashSet<>(), intercepted, accept));
                        known.handlers().add(entry.getValue().getMethod());
                    }
                }
            }
        }
        return List.copyOf(endpoints.values());
    }

    private Endpoints() {}
}
