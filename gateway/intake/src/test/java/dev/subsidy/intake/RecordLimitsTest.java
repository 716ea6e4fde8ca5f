package dev.subsidy.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.validation.ValidationBindHandler;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.validation.beanvalidation.LocalValidatorFactoryBean;

/** gateway.feeds.* as the gateway binds it at startup: defaults, own values, and a wrong value refused by name. */
class RecordLimitsTest {

    private static RecordLimits bind(Map<String, String> properties) {
        LocalValidatorFactoryBean validator = new LocalValidatorFactoryBean();
        validator.afterPropertiesSet();
        Binder binder = new Binder(new MapConfigurationPropertySource(properties));
        return binder.bindOrCreate("gateway.feeds", Bindable.of(RecordLimits.class), new ValidationBindHandler(validator));
    }

    @Test
    void anUnconfiguredGatewayHasTheDocumentedDefaults() {
        RecordLimits limits = bind(Map.of());
        assertThat(limits).isEqualTo(RecordLimits.defaults());
        assertThat(limits.maxAmount()).isEqualByComparingTo("1000000000.00");
        assertThat(limits.earliestTime()).isEqualTo(OffsetDateTime.parse("2000-01-01T00:00:00+08:00"));
        assertThat(limits.maxClockSkew()).isEqualTo(Duration.ofMinutes(15));
        assertThat(limits.maxIdLength()).isEqualTo(64);
    }

    @Test
    void anAdministratorsValuesAreTaken() {
        RecordLimits limits = bind(Map.of("gateway.feeds.max-amount", "50000", "gateway.feeds.earliest-time",
                "2020-01-01T00:00:00+08:00", "gateway.feeds.max-clock-skew", "2m", "gateway.feeds.max-id-length", "40"));
        assertThat(limits.maxAmount()).isEqualByComparingTo("50000.00");
        assertThat(limits.earliestTime()).isEqualTo(OffsetDateTime.parse("2020-01-01T00:00:00+08:00"));
        assertThat(limits.maxClockSkew()).isEqualTo(Duration.ofMinutes(2));
        assertThat(limits.maxIdLength()).isEqualTo(40);
    }

    @Test
    void aValueTheColumnsCannotHoldStopsTheGatewayNamingTheProperty() {
        assertThatThrownBy(() -> bind(Map.of("gateway.feeds.max-id-length", "500")))
                .isInstanceOf(BindException.class).hasMessageContaining("gateway.feeds");
        assertThatThrownBy(() -> bind(Map.of("gateway.feeds.max-amount", "100000000000000000")))
                .isInstanceOf(BindException.class).rootCause().hasMessageContaining("gateway.feeds.max-amount must be above 0");
        assertThatThrownBy(() -> bind(Map.of("gateway.feeds.max-amount", "10.001")))
                .rootCause().hasMessageContaining("at most two decimals");
        assertThatThrownBy(() -> bind(Map.of("gateway.feeds.max-clock-skew", "-5m")))
                .rootCause().hasMessageContaining("gateway.feeds.max-clock-skew");
        assertThatThrownBy(() -> bind(Map.of("gateway.feeds.earliest-time", "yesterday")))
                .isInstanceOf(BindException.class).hasMessageContaining("gateway.feeds.earliest-time");
    }
}
