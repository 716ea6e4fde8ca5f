package dev.subsidy.gateway.awards;

import dev.subsidy.policy.Policy;
import dev.subsidy.policy.PolicyLoader;
import dev.subsidy.policy.PolicyValidationException;
import dev.subsidy.policy.Rule;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;

/**
 * Reads the {@code gateway.policies} locations. Every problem of every file is gathered before failing,
 * so an administrator fixes them in one round; policy and rule ids must be unique across files, because
 * the award intake knows a line by its rule id alone.
 */
final class PolicyFiles {

    private final PolicyLoader loader = new PolicyLoader();

    /** @throws IllegalStateException naming the file, line, column and reason of every problem */
    PolicyCatalog load(List<String> locations, ResourceLoader resources) {
        List<Policy> policies = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        Map<String, String> policyFiles = new HashMap<>();
        Map<String, String> ruleFiles = new HashMap<>();
        for (String location : locations) {
            Resource resource = resources.getResource(location);
            String file = resource.getFilename() == null ? location : resource.getFilename();
            Policy policy;
            try {
                policy = loader.parse(resource.getContentAsString(StandardCharsets.UTF_8), file);
            } catch (PolicyValidationException e) {
                e.problems().forEach(p -> problems.add(p.toString()));
                continue;
            } catch (IOException e) {
                problems.add(location + ": cannot be read (" + e.getMessage() + ")");
                continue;
            }
            String other = policyFiles.putIfAbsent(policy.id(), file);
            if (other != null) {
                problems.add(file + ": policy id " + policy.id() + " is also used in " + other);
            }
            for (Rule rule : policy.rules()) {
                String first = ruleFiles.putIfAbsent(rule.id(), file);
                if (first != null) {
                    problems.add(file + ": rule id " + rule.id() + " is also used in " + first);
                }
            }
            policies.add(policy);
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("gateway.policies: " + problems.size() + " problem(s):\n  "
                    + String.join("\n  ", problems));
        }
        return new PolicyCatalog(policies);
    }
}
