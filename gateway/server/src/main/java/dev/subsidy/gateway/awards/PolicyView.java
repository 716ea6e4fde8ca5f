package dev.subsidy.gateway.awards;

import dev.subsidy.policy.Policy;
import dev.subsidy.policy.Provision;
import dev.subsidy.policy.Rule;
import dev.subsidy.policy.RuleKind;
import java.time.LocalDate;
import java.util.List;

/** A loaded policy as {@code GET /api/v1/policies} lists it: what it is, when it applies, its rules. */
record PolicyView(String id, String name, String document, LocalDate validFrom, LocalDate validTo, List<String> regions,
                  List<RuleView> rules, List<ProvisionView> provisions) {

    record RuleView(String id, String clause, String title, String subject, String period, String kind) {}

    record ProvisionView(String id, String clause, List<String> exclusive) {}

    static PolicyView of(Policy p) {
        return new PolicyView(p.id(), p.name(), p.document(), p.validFrom(), p.validTo(), p.regions(),
                p.rules().stream().map(PolicyView::rule).toList(),
                p.provisions().stream().map(PolicyView::provision).toList());
    }

    private static RuleView rule(Rule r) {
        return new RuleView(r.id(), r.clause(), r.title(), r.subject().name(), r.period().name(), kind(r.kind()));
    }

    private static ProvisionView provision(Provision p) {
        return new ProvisionView(p.id(), p.clause(), p.exclusive());
    }

    /** The kind as the policy file writes it. */
    static String kind(RuleKind kind) {
        if (kind instanceof RuleKind.PerUnit) {
            return "PER_UNIT";
        }
        if (kind instanceof RuleKind.Milestone) {
            return "MILESTONE";
        }
        if (kind instanceof RuleKind.Percentage) {
            return "PERCENTAGE";
        }
        if (kind instanceof RuleKind.Flat) {
            return "FLAT";
        }
        if (kind instanceof RuleKind.Ranking) {
            return "RANKING";
        }
        if (kind instanceof RuleKind.PerMember) {
            return "PER_MEMBER";
        }
        throw new IllegalStateException("unhandled rule kind " + kind);
    }
}
