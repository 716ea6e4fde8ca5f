package dev.subsidy.gateway.awards;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ResourceLoader;

@Configuration(proxyBeanMethods = false)
class PolicyCatalogConfiguration {

    /**
     * Loads {@code gateway.policies} at startup; a policy file with a problem stops the gateway with the
     * file, line and reason of every problem rather than paying by a half-read rule.
     */
    @Bean
    PolicyCatalog policyCatalog(PolicySettings settings, ResourceLoader resources) {
        return new PolicyFiles().load(settings.policies(), resources);
    }
}
