package dev.subsidy.runtime.definition;

import dev.subsidy.runtime.assembly.TraceAssembly;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One connector instance as an operator defines it (YAML or JSON):
 *
 * <pre>
 * id: zto-county-a              # lower case letters, digits, dashes
 * type: http-pull               # a connector type (ConnectorProvider name)
 * mapping: zto-trace            # optional: absent or "standard" for records that already are standard
 * mappingParams:                # optional: what the records do not say, as $params in the mapping
 *   carrier: ZTO
 * schedule: 10m                 # pull only: poll interval (default gateway.connectors.default-schedule)
 * rateLimit: 5                  # optional: outbound calls per second of this instance
 * feederTokenEnv: ZTO_FEEDER    # push only: the environment variable holding the feeder's token
 * assembly:                     # push only, optional: keep each waybill's events, map them together
 *   events: /data               #   (see TraceAssembly)
 *   waybill: /billCode
 * settings:                     # checked against the type's ConfigDef
 *   base_url: https://japi.zto.com
 *   app_secret: ${env:ZTO_APP_SECRET}   # a secret is always a reference, never a value
 * </pre>
 *
 * <p>Holds references, never resolved secrets: it is what is stored and what the API returns.
 * Immutable.
 *
 * @param mappingParams text values handed to the mapping as {@code $params}; empty when not given
 * @param schedule null when not given
 * @param rateLimit null when unlimited
 * @param assembly the push connector's trace assembly, or null when each push is mapped on its own
 */
public record ConnectorDefinition(
        String id,
        String type,
        String mapping,
        Map<String, String> mappingParams,
        Map<String, String> settings,
        Duration schedule,
        Double rateLimit,
        String feederTokenEnv,
        TraceAssembly assembly) {

    public ConnectorDefinition {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        mappingParams = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNullElse(mappingParams, Map.of())));
        settings = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNullElse(settings, Map.of())));
    }

    /** The same definition without trace assembly: each push mapped on its own. */
    public ConnectorDefinition(String id, String type, String mapping, Map<String, String> mappingParams,
                               Map<String, String> settings, Duration schedule, Double rateLimit, String feederTokenEnv) {
        this(id, type, mapping, mappingParams, settings, schedule, rateLimit, feederTokenEnv, null);
    }

    /** The mapping to apply; {@code null} for records that already are standard. */
    public String effectiveMapping() {
        return mapping == null || mapping.isBlank() ? null : mapping;
    }
}
