package dev.subsidy.gateway.console;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The operator's console (docs/operations.md "Console"): static pages under {@code static/console}
 * that call the public API with the person's token. The gateway only serves them: {@code /console}
 * shows the page, and every page answer carries a Content-Security-Policy.
 */
@Configuration(proxyBeanMethods = false)
class ConsoleConfiguration implements WebMvcConfigurer {

    private static final String PAGE = "forward:/console/index.html";

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        // view controllers, not a @Controller: the console is no part of the API or its OpenAPI document
        registry.addViewController("/console").setViewName(PAGE);
        registry.addViewController("/console/").setViewName(PAGE);
    }

    @Bean
    FilterRegistrationBean<ConsoleSecurityHeaders> consoleSecurityHeaders() {
        FilterRegistrationBean<ConsoleSecurityHeaders> registration = new FilterRegistrationBean<>(new ConsoleSecurityHeaders());
        registration.addUrlPatterns("/console", "/console/*");
        return registration;
    }
}
