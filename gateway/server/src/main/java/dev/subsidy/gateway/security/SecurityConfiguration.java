package dev.subsidy.gateway.security;

import dev.subsidy.gateway.GatewayProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    @Bean
    FilterRegistrationBean<TokenAuthenticationFilter> tokenAuthentication(GatewayProperties properties,
                                                                          ObjectProvider<FeederTokenSource> feederSources) {
        FilterRegistrationBean<TokenAuthenticationFilter> registration = new FilterRegistrationBean<>(
                new TokenAuthenticationFilter(properties.security(), feederSources.orderedStream().toList()));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        registration.addUrlPatterns("/*");
        return registration;
    }
}
