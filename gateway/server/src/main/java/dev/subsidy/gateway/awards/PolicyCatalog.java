package dev.subsidy.gateway.awards;

import dev.subsidy.policy.Policy;
import dev.subsidy.policy.Rule;
import java.util.List;
import java.util.Optional;

/** The policies this gateway applies, loaded and checked at startup; immutable. */
public final class PolicyCatalog {

    private final List<Policy> policies;

    PolicyCatalog(List<Policy> policies) {
        this.policies = List.copyOf(policies);
    }

    public List<Policy> all() {
        return policies;
    }

    public Optional<Policy> find(String policyId) {
        return policies.stream().filter(p -> p.id().equals(policyId)).findFirst();
    }

    /** The loaded policy that has a rule of this id, other than {@code exceptPolicy}. */
    Optional<Policy> ruleOwner(String ruleId, String exceptPolicy) {
        return policies.stream()
                .filter(p -> !p.id().equals(exceptPolicy))
                .filter(p -> p.rules().stream().map(Rule::id).anyMatch(ruleId::equals))
                .findFirst();
    }
}
