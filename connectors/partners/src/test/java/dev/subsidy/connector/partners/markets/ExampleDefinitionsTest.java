package dev.subsidy.connector.partners.markets;

import static org.assertj.core.api.Assertions.assertThat;

import dev.subsidy.connector.http.HttpPullProvider;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Each marketplace's example definition as an operator would post it: valid for {@code http-pull} as
 * written (every problem would be listed), its mapping among the repository's mappings, and no secret
 * but as an {@code ${env:NAME}} reference. The platform tests run each one against its simulator.
 */
class ExampleDefinitionsTest {

    private final HttpPullProvider provider = new HttpPullProvider();

    @ParameterizedTest
    @ValueSource(strings = {"taobao-orders.yml", "tmall-orders.yml", "pinduoduo-orders.yml", "jd-jos-orders.yml", "douyin-orders.yml"})
    void isAValidHttpPullDefinitionWithAKnownMappingAndSecretsFromTheEnvironment(String file) throws Exception {
        ExampleDefinition d = ExampleDefinition.load(file);

        assertThat(d.id() + ".yml").isEqualTo(file);
        assertThat(d.type()).isEqualTo(HttpPullProvider.NAME);
        assertThat(MarketContractTest.catalog().find(d.mapping())).as("mapping %s", d.mapping()).isPresent();
        assertThat(d.schedule()).isNotBlank();
        assertThat(provider.validate(d.settings())).as("problems of %s", file).isEmpty();
        for (String secret : provider.configDef().secretNames()) {
            if (d.settings().containsKey(secret)) {
                assertThat(d.settings().get(secret)).as("%s of %s", secret, file).matches(ExampleDefinition.ENV_REFERENCE);
            }
        }
    }
}
