package dev.subsidy.gateway.web;

import dev.subsidy.gateway.GatewayProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class WebConfiguration {

    /**
     * After authentication (an anonymous caller never gets a body inflated: the gateway's token filter
     * runs near the top, Spring Security's chain at -100), before the controllers.
     */
    static final int CONTENT_ENCODING_ORDER = 0;

    @Bean
    FilterRegistrationBean<ContentEncodingFilter> contentEncoding(GatewayProperties properties) {
        FilterRegistrationBean<ContentEncodingFilter> registration =
                new FilterRegistrationBean<>(new ContentEncodingFilter(properties.feeds().maxBodyBytes()));
        registration.setOrder(CONTENT_ENCODING_ORDER);
        registration.addUrlPatterns("/*");
        return registration;
    }

    @Bean
    JsonErrorReports jsonErrorReports() {
        return new JsonErrorReports();
    }
}
