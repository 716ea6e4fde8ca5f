package dev.subsidy.connector.partners.carriers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.subsidy.connector.api.ConnectorProvider;
import dev.subsidy.connector.partners.carriers.push.TracePushProvider;
import dev.subsidy.connector.partners.carriers.query.TraceQueryProvider;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every carrier has a trace-push and a trace-query example under {@code config/connectors/examples/}:
 * its type and mapping exist, its settings are valid for the type, and every secret is a reference to
 * the environment, never a value. (A small reader of the definitions' flat YAML: top-level keys and
 * the two-space-indented settings.)
 */
class CarrierExamplesTest {

    private static final Path EXAMPLES = Path.of("../../config/connectors/examples");
    private static final Path MAPPINGS = Path.of("../../mappings");
    private static final Pattern LINE = Pattern.compile("^( *)([A-Za-z_]+):\\s*(.*?)\\s*(#.*)?$");
    private static final Pattern ENV = Pattern.compile("\\$\\{env:[A-Z][A-Z0-9_]*}");

    @ParameterizedTest
    @EnumSource(CarrierApi.class)
    void pushAndQueryExamplesAreValidAndKeepSecretsInTheEnvironment(CarrierApi carrier) throws IOException {
        for (String kind : List.of("push", "query")) {
            String id = carrier.settingName() + "-trace-" + kind;
            Path file = EXAMPLES.resolve(id + ".yml");
            Map<String, String> top = new LinkedHashMap<>();
            Map<String, String> settings = new LinkedHashMap<>();
            Map<String, String> assembly = new LinkedHashMap<>();
            read(file, top, settings, assembly);

            ConnectorProvider provider = kind.equals("push") ? new TracePushProvider() : new TraceQueryProvider();
            assertThat(top).containsEntry("id", id).containsEntry("type", provider.name());
            assertThat(MAPPINGS.resolve(top.get("mapping") + ".jslt")).as("mapping of %s", id).exists();
            assertThat(settings).containsEntry("carrier", carrier.settingName());
            for (String secret : provider.configDef().secretNames()) {
                if (settings.containsKey(secret)) {
                    assertThat(settings.get(secret)).as("%s in %s", secret, id).matches(ENV);
                }
            }
            Map<String, String> resolved = new LinkedHashMap<>();
            settings.forEach((k, v) -> resolved.put(k, ENV.matcher(v).matches() ? (k.equals("phone") ? "1234" : "value-from-env") : v));
            assertThat(provider.validate(resolved)).as("settings of %s", id).isEmpty();
            if (kind.equals("push")) {
                assertThat(top.get("feederTokenEnv")).as("feeder token of %s", id).matches("[A-Z][A-Z0-9_]*");
                // every carrier but kuaidi100 (whose pushes hold the whole trace) may push one scan at a time
                if (carrier != CarrierApi.KUAIDI100) {
                    assertThat(assembly).as("trace assembly of %s", id).containsKeys("events", "waybill");
                    assertThat(assembly.values()).allMatch(v -> v.startsWith("/"));
                }
            } else {
                assertThat(assembly).as("a pull connector assembles nothing: %s", id).isEmpty();
            }
        }
    }

    private static void read(Path file, Map<String, String> top, Map<String, String> settings,
                             Map<String, String> assembly) throws IOException {
        boolean inSettings = false;
        boolean inAssembly = false;
        for (String raw : Files.readAllLines(file)) {
            if (raw.isBlank() || raw.stripLeading().startsWith("#")) {
                continue;
            }
            Matcher m = LINE.matcher(raw);
            assertThat(m.matches()).as("line of %s: %s", file, raw).isTrue();
            String value = m.group(3).replaceAll("^\"(.*)\"$", "$1");
            if (m.group(1).isEmpty()) {
                inSettings = m.group(2).equals("settings");
                inAssembly = m.group(2).equals("assembly");
                top.put(m.group(2), value);
            } else if (inAssembly) {
                assembly.put(m.group(2), value);
            } else {
                assertThat(inSettings).as("indented line outside settings and assembly in %s", file).isTrue();
                settings.put(m.group(2), value);
            }
        }
    }
}
