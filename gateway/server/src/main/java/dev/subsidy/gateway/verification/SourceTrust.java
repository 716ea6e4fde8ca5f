package dev.subsidy.gateway.verification;

import dev.subsidy.runtime.definition.ConnectorDefinition;
import dev.subsidy.runtime.definition.DefinitionStore;
import dev.subsidy.verification.TrustLevel;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * How far each connector's word goes (docs/verification.md "Source trust"): the setting
 * {@code gateway.verification.source-trust.<id>} when given; else the default of its type — carriers'
 * trace query and push connectors CARRIER, a pull from an API MARKETPLACE (CARRIER when its mapping is
 * a carrier's), inbox files EXPORT; else {@code default-trust}. Resolved once per close.
 */
public final class SourceTrust {

    private static final Set<String> CARRIER_TYPES = Set.of("trace-query", "trace-push");

    private SourceTrust() {
    }

    public static Function<String, TrustLevel> resolve(VerificationProperties settings, DefinitionStore definitions) {
        Map<String, TrustLevel> byConnector = new HashMap<>();
        for (DefinitionStore.Stored stored : definitions.all((id, problems) -> { })) {
            byConnector.put(stored.definition().id(), ofType(stored.definition(), settings.defaultTrust()));
        }
        byConnector.putAll(settings.sourceTrust());
        return id -> byConnector.getOrDefault(id, settings.defaultTrust());
    }

    static TrustLevel ofType(ConnectorDefinition d, TrustLevel fallback) {
        if (CARRIER_TYPES.contains(d.type())) {
            return TrustLevel.CARRIER;
        }
        if ("http-pull".equals(d.type())) {
            String mapping = d.effectiveMapping() == null ? "" : d.effectiveMapping();
            return mapping.contains("trace") || mapping.contains("routes") ? TrustLevel.CARRIER : TrustLevel.MARKETPLACE;
        }
        if ("file".equals(d.type())) {
            return TrustLevel.EXPORT;
        }
        return fallback;
    }
}
