package dev.subsidy.connector.api.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.subsidy.connector.api.Checkpoint;
import dev.subsidy.connector.api.ConnectorKind;
import dev.subsidy.connector.api.ConnectorProvider;
import dev.subsidy.connector.api.PullConnector;
import dev.subsidy.connector.api.RecordBatch;
import dev.subsidy.connector.api.SourceRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConnectorRegistryTest {

    @TempDir
    Path home;

    @Test
    void findsBuiltInTypesThroughServiceLoaderWithoutAPluginsFolder() {
        try (ConnectorRegistry registry = ConnectorRegistry.load(home)) {
            assertThat(registry.provider("builtin-test")).isInstanceOf(BuiltInTestProvider.class);
            assertThat(registry.connectorTypes()).containsOnlyKeys("builtin-test");
            assertThat(registry.connectorTypes().get("builtin-test").origin()).isEqualTo("built-in");
        }
    }

    @Test
    void loadsAPluginJarCompiledDuringTheTestInItsOwnClassLoader() throws Exception {
        Path jar = TestPlugins.plugin(home, "acme", "com.acme.connector", "acme-pull", "A");

        try (ConnectorRegistry registry = ConnectorRegistry.load(home)) {
            ConnectorProvider provider = registry.provider("acme-pull");

            assertThat(provider.getClass().getName()).isEqualTo("com.acme.connector.DemoProvider");
            assertThat(provider.getClass().getClassLoader()).isInstanceOf(PluginClassLoader.class)
                    .isNotSameAs(getClass().getClassLoader());
            assertThat(provider.kind()).isEqualTo(ConnectorKind.PULL);
            assertThat(provider.validate(Map.of())).extracting(p -> p.setting()).containsExactly("base_url");
            assertThat(registry.connectorTypes().get("acme-pull").origin()).isEqualTo("plugin 'acme'");
            assertThat(registry.connectorTypes().get("acme-pull").location()).isEqualTo(jar.toString());
            // the built-in type is still there, and not claimed by the plugin although its loader sees it
            assertThat(registry.connectorTypes()).containsOnlyKeys("acme-pull", "builtin-test");

            PullConnector connector = (PullConnector) provider.create();
            RecordBatch batch = connector.poll(Checkpoint.of("page", "4"));
            assertThat(batch.checkpoint()).isEqualTo(Checkpoint.of("page", "5"));
            assertThat(batch.records()).singleElement()
                    .isEqualTo(SourceRecord.json("page 5, item 0", "{\"helper\":\"A\"}"));
        }
    }

    @Test
    void pluginsDependenciesDoNotClash() throws Exception {
        TestPlugins.plugin(home, "one", "com.one", "one-pull", "1.0");
        TestPlugins.plugin(home, "two", "com.two", "two-pull", "2.0");

        try (ConnectorRegistry registry = ConnectorRegistry.load(home)) {
            assertThat(registry.provider("one-pull").description()).isEqualTo("demo 1.0");
            assertThat(registry.provider("two-pull").description()).isEqualTo("demo 2.0");
            assertThat(registry.provider("one-pull").getClass().getClassLoader())
                    .isNotSameAs(registry.provider("two-pull").getClass().getClassLoader());
        }
    }

    @Test
    void aTypeNameDefinedByTwoPluginsFailsNamingBoth() throws Exception {
        Path first = TestPlugins.plugin(home, "alpha", "com.alpha", "same-name", "1");
        Path second = TestPlugins.plugin(home, "beta", "com.beta", "same-name", "2");

        assertThatThrownBy(() -> ConnectorRegistry.load(home))
                .isInstanceOf(PluginException.class)
                .hasMessageContaining("connector type 'same-name' is defined twice")
                .hasMessageContaining("plugin 'alpha' com.alpha.DemoProvider (" + first + ")")
                .hasMessageContaining("plugin 'beta' com.beta.DemoProvider (" + second + ")");
    }

    @Test
    void aPluginThatReusesABuiltInNameFailsNamingBoth() throws Exception {
        TestPlugins.plugin(home, "copycat", "com.copycat", "builtin-test", "1");

        assertThatThrownBy(() -> ConnectorRegistry.load(home))
                .isInstanceOf(PluginException.class)
                .hasMessageContaining("'builtin-test' is defined twice")
                .hasMessageContaining("built-in " + BuiltInTestProvider.class.getName())
                .hasMessageContaining("plugin 'copycat' com.copycat.DemoProvider");
    }

    @Test
    void anUnknownTypeFailsListingTheKnownOnes() throws Exception {
        TestPlugins.plugin(home, "acme", "com.acme.connector", "acme-pull", "A");

        try (ConnectorRegistry registry = ConnectorRegistry.load(home)) {
            assertThat(registry.find("zto-push")).isEmpty();
            assertThatThrownBy(() -> registry.provider("zto-push"))
                    .isInstanceOf(PluginException.class)
                    .hasMessage("unknown connector type 'zto-push'; known types: acme-pull (plugin 'acme'), builtin-test (built-in)");
            assertThatThrownBy(() -> registry.signer("nope"))
                    .hasMessage("unknown request signer 'nope'; known signers: none");
        }
    }

    @Test
    void foldersWithoutJarsAndLooseFilesAreIgnored() throws Exception {
        Files.createDirectories(home.resolve("plugins/empty"));
        Files.writeString(home.resolve("plugins/README.txt"), "drop plugin folders here");

        try (ConnectorRegistry registry = ConnectorRegistry.load(home)) {
            assertThat(registry.connectorTypes()).containsOnlyKeys("builtin-test");
        }
    }
}
