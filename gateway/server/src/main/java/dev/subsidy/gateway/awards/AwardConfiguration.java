package dev.subsidy.gateway.awards;

import dev.subsidy.figures.FigureBook;
import dev.subsidy.gateway.registry.RegistryStore;
import dev.subsidy.policy.PolicyEngine;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

@Configuration(proxyBeanMethods = false)
class AwardConfiguration {

    @Bean
    PriorAwardStore priorAwardStore(JdbcTemplate jdbc) {
        return new PriorAwardStore(jdbc);
    }

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
