package dev.subsidy.gateway.jurisdiction;

import dev.subsidy.gateway.GatewayProperties;
import dev.subsidy.verification.Jurisdiction;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The jurisdiction of the settings; a region that is not a division code stops startup naming the property. */
@Configuration(proxyBeanMethods = false)
class JurisdictionConfiguration {

    @Bean
    Jurisdiction jurisdiction(GatewayProperties properties) {
        GatewayProperties.Jurisdiction settings = properties.jurisdiction();
        try {
            return new Jurisdiction(settings.name(), settings.regions().stream().map(String::trim).toList());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("gateway.jurisdiction.regions: " + e.getMessage(), e);
        }
    }
}
