package dev.subsidy.connector.http.internal;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads {@code name=value} list settings, split at the first {@code =}. A value may hold commas (TOP's
 * {@code fields=tid,modified,payment}): an item without {@code =} continues the previous value.
 * Stateless.
 */
final class NameValues {

    private NameValues() {
    }

    /** The pairs, in their order; validation already refused a first item without a name. */
    static Map<String, String> parse(List<String> items) {
        Map<String, String> map = new LinkedHashMap<>();
        String last = null;
        for (String item : items) {
            int eq = item.indexOf('=');
            if (eq < 0 && last != null) {
                map.put(last, map.get(last) + "," + item.trim());
                continue;
            }
            last = item.substring(0, eq).trim();
            map.put(last, item.substring(eq + 1).trim());
        }
        return Collections.unmodifiableMap(map);
    }
}
