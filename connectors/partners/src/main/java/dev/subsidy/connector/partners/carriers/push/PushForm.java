package dev.subsidy.connector.partners.carriers.push;

import dev.subsidy.connector.api.PushRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
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
        String type = request.contentType().toLowerCase(Locale.ROOT);
        if (type.startsWith("application/x-www-form-urlencoded") || (type.isEmpty() && !request.bodyText().trim().startsWith("{"))) {
            for (String pair : request.bodyText(StandardCharsets.UTF_8).split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String name = decode(eq < 0 ? pair : pair.substring(0, eq));
                fields.putIfAbsent(name, eq < 0 ? "" : decode(pair.substring(eq + 1)));
            }
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
