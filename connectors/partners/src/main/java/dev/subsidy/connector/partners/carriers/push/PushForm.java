package dev.subsidy.connector.partners.carriers.push;

import dev.subsidy.connector.api.PushRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The fields of a form-encoded push (kuaidi100's {@code param}/{@code sign}, STO's
 * {@code content}/{@code data_digest}, …): the query parameters the gateway passed on, then the
 * {@code application/x-www-form-urlencoded} body (UTF-8), which the gateway hands over whole. The first
 * value of a name wins. Stateless.
 */
public final class PushForm {

    private PushForm() {
    }

    /** Every field of the request, by name. */
    public static Map<String, String> fields(PushRequest request) {
        Map<String, String> fields = new LinkedHashMap<>();
        request.params().forEach((name, values) -> {
            if (!values.isEmpty()) {
                fields.putIfAbsent(name, values.get(0));
            }
        });
        if (isForm(request) || (request.contentType().isEmpty() && !request.bodyText().trim().startsWith("{"))) {
            bodyFields(request).forEach(f -> fields.putIfAbsent(f.getKey(), f.getValue()));
        }
        return fields;
    }

    /** Whether the body is declared {@code application/x-www-form-urlencoded}. */
    static boolean isForm(PushRequest request) {
        return request.contentType().toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded");
    }

    /** The body's fields, decoded, in the order sent (a name may repeat). */
    static List<Map.Entry<String, String>> bodyFields(PushRequest request) {
        List<Map.Entry<String, String>> fields = new ArrayList<>();
        for (String pair : request.bodyText(StandardCharsets.UTF_8).split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            fields.add(Map.entry(decode(eq < 0 ? pair : pair.substring(0, eq)), eq < 0 ? "" : decode(pair.substring(eq + 1))));
        }
        return fields;
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            // a stray '%' is kept as it is: the signature check then fails on it, with a clear reason
            return s;
        }
    }
}
