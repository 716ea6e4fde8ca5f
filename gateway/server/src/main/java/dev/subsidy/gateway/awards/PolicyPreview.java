package dev.subsidy.gateway.awards;

import dev.subsidy.gateway.storage.registry.RegistryStore;
import dev.subsidy.model.PriorAward;
import dev.subsidy.model.Subject;
import dev.subsidy.policy.Evaluation;
import dev.subsidy.policy.Policy;
import dev.subsidy.policy.PolicyEngine;
import java.util.List;

/**
 * What a policy would pay on hypothetical figures: the same engine call a period close makes, with
 * nothing read from the figures and nothing stored, so an administrator can check a policy (or the
 * reading of a clause) before any real figure exists.
 */
final class PolicyPreview {

    private final PolicyEngine engine;
    private final RegistryStore registry;
    private final PriorAwardStore stored;

    PolicyPreview(PolicyEngine engine, RegistryStore registry, PriorAwardStore stored) {
        this.engine = engine;
        this.registry = registry;
        this.stored = stored;
    }

    record NotComputableView(String rule, String subject, String reason) {}

    record Reply(String policy, String period, String total, List<PublishedAwardLine> lines,
                 List<NotComputableView> notComputable, List<PublishedAwardLine> superseded) {}

    Reply run(Policy policy, PreviewRequest request) {
        List<Subject> subjects = request.subjects() != null ? request.subjects() : registry.all();
        List<PriorAward> prior = request.priorAwards() != null ? request.priorAwards() : stored.before(request.period());
        Evaluation e = engine.evaluate(policy, request.period().toString(), request.figures(), subjects, prior);
        return new Reply(policy.id(), request.period().toString(), e.total().toPlainString(),
                e.lines().stream().map(WireLines::line).toList(),
                e.notComputable().stream().map(n -> new NotComputableView(n.ruleId(), n.subjectId(), n.reason())).toList(),
                e.superseded().stream().map(WireLines::line).toList());
    }
}
