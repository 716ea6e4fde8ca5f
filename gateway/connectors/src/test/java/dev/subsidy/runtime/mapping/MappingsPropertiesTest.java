package dev.subsidy.runtime.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import dev.subsidy.mapping.MappingLimits;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/** {@code gateway.mappings.*} bound and validated as the gateway starts: the sandbox's limits. */
class MappingsPropertiesTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(MappingsProperties.class)
    static class Bound {
    }

    private final ApplicationContextRunner gateway = new ApplicationContextRunner().withUserConfiguration(Bound.class);

    @Test
    void withoutSettingsTheLimitsAreTheEnginesDefaults() {
        gateway.run(context -> assertThat(context.getBean(MappingsProperties.class).limits()).isEqualTo(MappingLimits.DEFAULTS));
    }

    @Test
    void theLimitsAreTakenAsWritten() {
        gateway.withPropertyValues("gateway.mappings.max-text-bytes=4096", "gateway.mappings.max-depth=50",
                "gateway.mappings.max-output-bytes=2048", "gateway.mappings.record-time-budget=250ms").run(context ->
                assertThat(context.getBean(MappingsProperties.class).limits())
                        .isEqualTo(new MappingLimits(4096, 50, 2048, Duration.ofMillis(250))));
    }

    @Test
    void aWrongLimitStopsStartupNamingTheSetting() {
        for (String wrong : new String[] {"max-text-bytes=0", "max-depth=0", "max-depth=5000", "max-output-bytes=100",
                "record-time-budget=0s", "record-time-budget=1h"}) {
            gateway.withPropertyValues("gateway.mappings." + wrong).run(context -> {
                assertThat(context).as(wrong).hasFailed();
                assertThat(context.getStartupFailure()).as(wrong).rootCause()
                        .hasMessageContaining("gateway.mappings." + wrong.substring(0, wrong.indexOf('=')));
            });
        }
    }
}
