package dev.subsidy.gateway.awards;

import dev.subsidy.figures.FigureBook;
import dev.subsidy.gateway.storage.registry.RegistryStore;
import dev.subsidy.policy.PolicyEngine;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class AwardConfiguration {

    /** No policies configured: figures are published without award lines. */
    @Bean
    AwardCalculator awardCalculator(PolicyCatalog catalog, RegistryStore registry, FigureBook figures,
                                    EnteredFigureStore entered, PriorAwardStore priorAwards,
                                    AwardStore awards) {
        return catalog.all().isEmpty() ? (period, published) -> AwardCalculator.Awards.none()
                : new PolicyAwardCalculator(catalog.all(), new PolicyEngine(), registry, figures, entered, priorAwards,
                        awards);
    }
}
