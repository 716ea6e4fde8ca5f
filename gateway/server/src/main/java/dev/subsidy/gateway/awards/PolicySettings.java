package dev.subsidy.gateway.awards;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code gateway.policies}: the policy files this gateway applies, as resource locations
 * ({@code classpath:policies/congjiang.yml} for a copy shipped in the jar, {@code file:/etc/…} for
 * an administrator's own). None: figures are published without award lines.
 */
@ConfigurationProperties("gateway")
public record PolicySettings(List<String> policies) {
    public PolicySettings {
        policies = policies == null ? List.of() : List.copyOf(policies);
    }
}
