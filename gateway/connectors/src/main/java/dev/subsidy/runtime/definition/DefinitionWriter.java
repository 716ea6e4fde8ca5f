package dev.subsidy.runtime.definition;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A definition as JSON, the way it is stored and returned: settings exactly as given, so secrets
 * appear as their {@code ${env:NAME}} references and nothing else. Stateless and thread-safe.
 */
public final class DefinitionWriter {

    private final ObjectMapper json = JsonMapper.builder().build();

    public ObjectNode toJson(ConnectorDefinition d) {
        ObjectNode node = json.createObjectNode();
        node.put("id", d.id());
        node.put("type", d.type());
        if (d.effectiveMapping() != null) {
            node.put("mapping", d.mapping());
        }
        if (!d.mappingParams().isEmpty()) {
            ObjectNode params = node.putObject("mappingParams");
            d.mappingParams().forEach(params::put);
        }
        if (d.schedule() != null) {
            node.put("schedule", d.schedule().toString());
        }
        if (d.rateLimit() != null) {
            node.put("rateLimit", d.rateLimit());
        }
        if (d.feederTokenEnv() != null) {
            node.put("feederTokenEnv", d.feederTokenEnv());
        }
        if (d.assembly() != null) {
            ObjectNode assembly = node.putObject("assembly");
            assembly.put("events", d.assembly().events().toString());
            assembly.put("waybill", d.assembly().waybill().toString());
            if (d.assembly().carrier() != null) {
                assembly.put("carrier", d.assembly().carrier().toString());
            }
            ObjectNode incomplete = assembly.putObject("incomplete");
            d.assembly().incomplete().forEach(incomplete::put);
        }
        ObjectNode settings = node.putObject("settings");
        d.settings().forEach(settings::put);
        return node;
    }

    public String toText(ConnectorDefinition d) {
        return toJson(d).toString();
    }
}
