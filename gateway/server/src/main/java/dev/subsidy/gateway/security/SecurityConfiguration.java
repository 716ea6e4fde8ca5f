package dev.subsidy.gateway.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.subsidy.gateway.GatewayProperties;
import dev.subsidy.runtime.push.FeederTokenSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.AuthenticationFilter;

/**
 * Spring Security for a token API: the firewall first, then the bearer token, then the rule table
 * ({@link AccessRules}), all before any handler. No sessions, no CSRF (no cookie carries the
 * credentials), no login form, no basic auth, no default user.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    /**
     * A bean, not only a part of the chain: an authentication provider in the context is what keeps
     * Spring Boot from making its default user and printing a generated password.
     */
    @Bean
    TokenAuthenticationProvider tokenAuthenticationProvider(GatewayProperties properties,
                                                            ObjectProvider<FeederTokenSource> feederSources) {
        return new TokenAuthenticationProvider(properties.security(), feederSources);
    }

    @Bean
    SecurityFilterChain gatewaySecurity(HttpSecurity http, TokenAuthenticationProvider tokens, ObjectMapper json)
            throws Exception {
        AccessRules rules = new AccessRules();
        Refusals refusals = new Refusals(json);
        // made here, not a bean: a Filter bean would also be registered with the container outside the chain
        BearerTokenConverter converter = new BearerTokenConverter(AccessRules.FEED_POST.request());
        AuthenticationFilter bearer = new AuthenticationFilter(new ProviderManager(tokens), converter);
        bearer.setRequestMatcher(request -> !rules.isOpen(request));
        bearer.setSuccessHandler((request, response, authentication) -> { }); // on to the rules, then the handler
        bearer.setFailureHandler(refusals::invalidToken);
        return http
                .csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .addFilterBefore(bearer, AnonymousAuthenticationFilter.class)
                .addFilterBefore(new OptionalBearerFilter(rules, converter, tokens), AnonymousAuthenticationFilter.class)
                .authorizeHttpRequests(authorize -> authorize.anyRequest().access(rules))
                .exceptionHandling(refused -> refused
                        .authenticationEntryPoint(refusals::unauthenticated)
                        .accessDeniedHandler(refusals::forbidden))
                .build();
    }

    @Bean
    ContainerRefusals containerRefusals() {
        return new ContainerRefusals();
    }

    @Bean
    WebSecurityCustomizer gatewayFirewall(ObjectMapper json) {
        Refusals refusals = new Refusals(json);
        return web -> web.httpFirewall(new GatewayFirewall()).requestRejectedHandler(refusals::rejected);
    }
}
