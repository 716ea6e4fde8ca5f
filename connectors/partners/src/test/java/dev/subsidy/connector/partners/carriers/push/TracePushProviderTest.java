package dev.subsidy.connector.partners.carriers.push;

import static org.assertj.core.api.Assertions.assertThat;

import dev.subsidy.connector.api.ConfigProblem;
import dev.subsidy.connector.api.ConnectorKind;
import dev.subsidy.connector.api.ConnectorProvider;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class TracePushProviderTest {

    private final TracePushProvider provider = new TracePushProvider();

    @Test
    void bothCarrierTypesAreFoundByName() {
        Map<String, ConnectorProvider> found = new TreeMap<>();
        ServiceLoader.load(ConnectorProvider.class).forEach(p -> found.put(p.name(), p));

        assertThat(found).containsKeys("trace-push", "trace-query");
        assertThat(found.get("trace-push").kind()).isEqualTo(ConnectorKind.PUSH);
        assertThat(found.get("trace-query").kind()).isEqualTo(ConnectorKind.PULL);
    }

    @Test
    void aCarrierThatAlwaysSignsNeedsTheSecret() {
        assertThat(provider.validate(Map.of("carrier", "zto"))).extracting(ConfigProblem::setting).containsExactly("verify_secret");
        assertThat(provider.validate(Map.of("carrier", "kuaidi100"))).extracting(ConfigProblem::setting).containsExactly("verify_secret");
        assertThat(provider.validate(Map.of("carrier", "sto"))).isEmpty();
    }

    @Test
    void aSecretForACarrierWithoutAKnownSchemeIsAProblemAndAnUnknownCarrierIsNamed() {
        assertThat(provider.validate(Map.of("carrier", "sf", "verify_secret", "x")))
                .singleElement().satisfies(p -> assertThat(p.message()).contains("no signature scheme"));
        assertThat(provider.validate(Map.of("carrier", "ems")))
                .singleElement().satisfies(p -> assertThat(p.setting()).isEqualTo("carrier"));
    }

    @Test
    void kuaidi100WithoutASaltMustSaySoExplicitly() {
        assertThat(provider.validate(Map.of("carrier", "kuaidi100"))).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("unsigned: true"));
        assertThat(provider.validate(Map.of("carrier", "kuaidi100", "unsigned", "true"))).isEmpty();
        assertThat(provider.validate(Map.of("carrier", "kuaidi100", "unsigned", "false", "verify_secret", "salt"))).isEmpty();
    }

    @Test
    void unsignedIsRefusedBesideASaltAndForAnyOtherCarrier() {
        assertThat(provider.validate(Map.of("carrier", "kuaidi100", "unsigned", "true", "verify_secret", "salt")))
                .singleElement().satisfies(p -> {
                    assertThat(p.setting()).isEqualTo("unsigned");
                    assertThat(p.message()).contains("not both");
                });
        assertThat(provider.validate(Map.of("carrier", "zto", "unsigned", "true")))
                .singleElement().satisfies(p -> assertThat(p.message()).contains("only a kuaidi100 subscription"));
        assertThat(provider.validate(Map.of("carrier", "kuaidi100", "unsigned", "maybe")))
                .extracting(ConfigProblem::setting).contains("unsigned");
    }
}
