package dev.subsidy.gateway.period;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.validation.ValidationAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/**
 * {@code gateway.close.*} bound and checked at start-up: a setting out of range stops the gateway naming it, and the
 * records a close holds at once are what fits, or {@code sliced-above} where that is fewer.
 */
class ClosePropertiesTest {

    private static final long GIB = 1L << 30;

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(CloseProperties.class)
    static class Bound {}

    private final ApplicationContextRunner gateway = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
            .withUserConfiguration(Bound.class);

    @Test
    void theDefaultsHoldWhatFitsAndCloseInSlicesOnlyWhatDoesNot() {
        gateway.run(context -> {
            CloseProperties close = context.getBean(CloseProperties.class);
            assertThat(close.bytesPerRecord()).isEqualTo(460);
            assertThat(close.slicedAbove()).isNull();
            assertThat(close.holdsAtOnce(GIB)).isEqualTo(CloseCapacity.records(460, GIB));
        });
    }

    @Test
    void slicedAboveClosesLargerPeriodsInSlicesWhateverTheHeap() {
        gateway.withPropertyValues("gateway.close.sliced-above=250000").run(context -> {
            CloseProperties close = context.getBean(CloseProperties.class);
            assertThat(close.holdsAtOnce(GIB)).isEqualTo(250_000);
            assertThat(close.holdsAtOnce(100L << 20)).as("a heap that holds fewer").isZero();
        });
    }

    @Test
    void aSettingOutOfRangeStopsTheStartNamingIt() {
        gateway.withPropertyValues("gateway.close.sliced-above=-1").run(context ->
                assertThat(context).hasFailed().getFailure().rootCause().hasMessageContaining("slicedAbove"));
        gateway.withPropertyValues("gateway.close.bytes-per-record=0").run(context ->
                assertThat(context).hasFailed().getFailure().rootCause().hasMessageContaining("bytesPerRecord"));
        gateway.withPropertyValues("gateway.close.sliced-above=many").run(context ->
                assertThat(context).hasFailed().getFailure().rootCause().hasMessageContaining("many"));
    }
}
