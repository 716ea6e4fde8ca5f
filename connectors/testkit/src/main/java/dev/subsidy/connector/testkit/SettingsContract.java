package dev.subsidy.connector.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.subsidy.connector.api.ConfigDef;
import dev.subsidy.connector.api.ConfigProblem;
import dev.subsidy.connector.api.ConnectorProvider;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The checks of a provider's settings that every connector kind shares: valid settings pass, every
 * missing required setting and every bad value is named, an unknown setting is named, and no problem
 * repeats the value of a secret. Used by the push and file contract tests. Stateless.
 */
final class SettingsContract {

    /** A value no operator would choose for a secret: easy to find in a message that leaks it. */
    static final String SECRET_MARKER = "contract-secret-7Qz!x9";

    /** Values that are wrong for each type; a text setting is tried with a value outside any list of choices. */
    private static final Map<ConfigDef.Type, String> BAD_VALUES = Map.of(
            ConfigDef.Type.INT, "ten",
            ConfigDef.Type.LONG, "many",
            ConfigDef.Type.BOOLEAN, "maybe",
            ConfigDef.Type.DURATION, "soon",
            ConfigDef.Type.URL, "not a url",
            ConfigDef.Type.LIST, "",
            ConfigDef.Type.STRING, "no-such-choice-§");

    private SettingsContract() {
    }

    static void validSettingsHaveNoProblems(ConnectorProvider provider, Map<String, String> settings) {
        assertThat(provider.validate(settings)).as("problems of the test's own settings for %s", provider.name()).isEmpty();
    }

    static void everyMissingRequiredSettingIsNamed(ConnectorProvider provider, Map<String, String> settings) {
        for (ConfigDef.Setting s : provider.configDef().settings()) {
            if (!s.isRequired()) {
                continue;
            }
            Map<String, String> without = new LinkedHashMap<>(settings);
            without.remove(s.name());
            assertThat(provider.validate(without)).as("problems without the required setting %s", s.name())
                    .anySatisfy(p -> {
                        assertThat(p.setting()).isEqualTo(s.name());
                        assertThat(p.message()).isNotBlank();
                    });
        }
    }

    /**
     * Each setting given a value its own descriptor refuses is named by the provider's validation
     * (an overriding {@code validate} keeps the descriptor's problems).
     */
    static void everyBadValueIsNamed(ConnectorProvider provider, Map<String, String> settings) {
        for (ConfigDef.Setting s : provider.configDef().settings()) {
            String bad = BAD_VALUES.get(s.type());
            if (bad == null || bad.isEmpty() || ConfigDef.builder().define(s).build().validate(Map.of(s.name(), bad)).isEmpty()) {
                continue; // any text is fine for this setting
            }
            Map<String, String> with = new LinkedHashMap<>(settings);
            with.put(s.name(), bad);
            assertThat(provider.validate(with)).as("problems with %s = '%s'", s.name(), bad)
                    .anySatisfy(p -> {
                        assertThat(p.setting()).isEqualTo(s.name());
                        assertThat(p.message()).isNotBlank();
                    });
        }
    }

    static void anUnknownSettingIsNamed(ConnectorProvider provider, Map<String, String> settings) {
        Map<String, String> with = new LinkedHashMap<>(settings);
        with.put("colour", "red");
        assertThat(provider.validate(with)).extracting(ConfigProblem::setting).as("problems with an unknown setting").contains("colour");
    }

    /**
     * Settings with every secret set to {@link #SECRET_MARKER}, alone, beside the test's settings, and
     * beside bad values of every other setting: no problem shows the marker.
     */
    static void problemsNeverShowSecrets(ConnectorProvider provider, Map<String, String> settings) {
        ConfigDef def = provider.configDef();
        Map<String, String> secrets = new LinkedHashMap<>();
        def.secretNames().forEach(n -> secrets.put(n, SECRET_MARKER));
        Map<String, String> beside = new LinkedHashMap<>(settings);
        beside.putAll(secrets);
        Map<String, String> allBad = new LinkedHashMap<>(beside);
        for (ConfigDef.Setting s : def.settings()) {
            String bad = BAD_VALUES.get(s.type());
            allBad.put(s.name(), s.isSecret() || bad == null || bad.isEmpty() ? SECRET_MARKER : bad);
        }
        allBad.put("colour", "red");
        for (Map<String, String> candidate : List.of(secrets, beside, allBad)) {
            assertThat(provider.validate(candidate)).as("problems of %s", candidate.keySet())
                    .allSatisfy(p -> assertThat(p.toString()).doesNotContain(SECRET_MARKER));
        }
    }

    /** The values of the secret settings among these settings. */
    static List<String> secretValues(ConnectorProvider provider, Map<String, String> settings) {
        return provider.configDef().secretNames().stream().map(settings::get).filter(v -> v != null && !v.isBlank()).toList();
    }
}
