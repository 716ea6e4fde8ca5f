package dev.subsidy.gateway.connectors;

import dev.subsidy.gateway.GatewayProperties;
import dev.subsidy.runtime.GatewayHome;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What the connector runtime asks of the application hosting it: the gateway's home folder. */
@Configuration(proxyBeanMethods = false)
class RuntimeHostConfiguration {

    @Bean
    GatewayHome gatewayHome(GatewayProperties properties) {
        return new GatewayHome(properties.home());
    }
}
