package dev.subsidy.gateway.awards;

import dev.subsidy.policy.Policy;
import dev.subsidy.policy.PolicyLoader;
import dev.subsidy.policy.PolicyProblem;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Checks a policy file an administrator drafts, as startup would: the file's own problems, and rule ids
 * another loaded policy already uses (startup would refuse both together). A new version of a loaded
 * policy, with the same policy id, may of course reuse that policy's rule ids.
 */
final class PolicyDraftCheck {

    private final PolicyLoader loader = new PolicyLoader();
    private final PolicyCatalog catalog;

    PolicyDraftCheck(PolicyCatalog catalog) {
        this.catalog = catalog;
    }

    List<PolicyProblem> check(String yaml, String file) {
        List<PolicyProblem> problems = loader.validate(yaml, file);
        if (!problems.isEmpty()) {
            return problems;
        }
        Policy draft = loader.parse(yaml, file);
        List<PolicyProblem> clashes = new ArrayList<>();
        for (int i = 0; i < draft.rules().size(); i++) {
            String ruleId = draft.rules().get(i).id();
            Optional<Policy> owner = catalog.ruleOwner(ruleId, draft.id());
            if (owner.isPresent()) {
                // the loader keeps no line for a parsed rule; the path says which one
                clashes.add(new PolicyProblem(file, 1, 1, "/rules/" + i + "/id",
                        "rule id " + ruleId + " is already used by loaded policy " + owner.get().id()));
            }
        }
        return clashes;
    }
}
