package dev.subsidy.gateway.jurisdiction;

import dev.subsidy.gateway.GatewayProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class JurisdictionConfiguration {
    @Bean
    Jurisdiction jurisdiction(GatewayProperties properties) {
        return Jurisdiction.of(properties.jurisdiction());
    }
}
