package dev.subsidy.gateway.awards;

import dev.subsidy.gateway.registry.RegistryStore;
import dev.subsidy.policy.Policy;
import dev.subsidy.policy.PolicyEngine;
import dev.subsidy.policy.PolicyLoader;
import dev.subsidy.policy.PolicyValidationException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.jdbc.core.JdbcTemplate;

@Configuration(proxyBeanMethods = false)
class AwardConfiguration {

    /**
     * Loads {@code gateway.policies} at startup; a policy file with a problem stops the gateway with
     * the file, line and reason of every problem rather than paying by a half-read rule.
     */
    @Bean
    AwardCalculator awardCalculator(PolicySettings settings, ResourceLoader resources, RegistryStore registry,
                                    JdbcTemplate jdbc) {
        PolicyLoader loader = new PolicyLoader();
        List<Policy> policies = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (String location : settings.policies()) {
            Resource resource = resources.getResource(location);
            try {
                String yaml = resource.getContentAsString(StandardCharsets.UTF_8);
                policies.add(loader.parse(yaml, resource.getFilename()));
            } catch (PolicyValidationException e) {
                e.problems().forEach(p -> problems.add(p.toString()));
            } catch (IOException e) {
                problems.add(location + ": cannot be read (" + e.getMessage() + ")");
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("gateway.policies: " + problems.size() + " problem(s):\n  "
                    + String.join("\n  ", problems));
        }
        return policies.isEmpty() ? (period, figures) -> AwardCalculator.Awards.none()
                : new PolicyAwardCalculator(policies, new PolicyEngine(), registry, new PriorAwardStore(jdbc));
    }
}
