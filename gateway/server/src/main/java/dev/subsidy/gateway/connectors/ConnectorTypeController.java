package dev.subsidy.gateway.connectors;

import dev.subsidy.connector.api.ConfigDef;
import dev.subsidy.connector.api.ConnectorProvider;
import dev.subsidy.connector.api.plugin.ConnectorRegistry;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/connector-types} (administrator): every connector type this gateway can run —
 * built in or from a plugin — with its kind and every setting a definition of it takes (type, required
 * or its default, what it means), so an administrator writes a definition without reading the code.
 * A secret setting's default is never shown.
 */
@RestController
class ConnectorTypeController {

    private final ConnectorRegistry registry;

    ConnectorTypeController(ConnectorRegistry registry) {
        this.registry = registry;
    }

    record SettingView(String name, String type, boolean required, String defaultValue, boolean secret,
                       String description) {

        static SettingView of(ConfigDef.Setting s) {
            return new SettingView(s.name(), s.type().name(), s.isRequired(),
                    s.isSecret() ? null : s.defaultValue().orElse(null), s.isSecret(), s.description());
        }
    }

    record TypeView(String type, String kind, String description, String origin, List<SettingView> settings) {}

    @GetMapping("/api/v1/connector-types")
    List<TypeView> list() {
        return registry.connectorTypes().entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .map(e -> view(registry.provider(e.getKey()), e.getValue()))
                .toList();
    }

    private static TypeView view(ConnectorProvider provider, ConnectorRegistry.Source source) {
        return new TypeView(provider.name(), provider.kind().name(), provider.description(), source.origin(),
                provider.configDef().settings().stream().map(SettingView::of).toList());
    }
}
