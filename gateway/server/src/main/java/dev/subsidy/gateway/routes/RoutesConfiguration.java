package dev.subsidy.gateway.routes;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What the gateway's own routes share. */
@Configuration(proxyBeanMethods = false)
class RoutesConfiguration {

    @Bean
    TickErrors tickErrors() {
        return new TickErrors();
    }
}
