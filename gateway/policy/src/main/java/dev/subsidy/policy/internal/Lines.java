package dev.subsidy.policy.internal;

import dev.subsidy.model.AwardLine;
import dev.subsidy.model.Basis;
import dev.subsidy.model.Subject;
import dev.subsidy.model.SubjectRef;
import dev.subsidy.policy.NotComputable;
import dev.subsidy.policy.Rule;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

/** Builds award lines and not-computable entries with the identifiers and wording every rule shares. */
final class Lines {

    private Lines() {
    }

    /** A name-based UUID: the same (policy, rule, subject, period) always gets the same id, on any machine. */
    static String awardId(String policy, String ruleId, String subjectId, String period) {
        String name = String.join("|", policy, ruleId, subjectId, period);
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    }

    static AwardLine line(Inputs in, Rule rule, Subject subject, Computation.Award award, List<Basis> basis) {
        return new AwardLine(
                awardId(in.policy.id(), rule.id(), subject.id(), in.period.text()),
                in.policy.id(),
                rule.clause(),
                rule.id(),
                new SubjectRef(subject.type(), subject.id(), subject.displayName()),
                in.period.text(),
                award.amount().setScale(2, RoundingMode.HALF_UP),
                in.policy.currency(),
                basis,
                award.explanation(),
                award.reading(),
                award.payments());
    }

    static NotComputable notComputable(Inputs in, Rule rule, String subjectId, List<String> reasons) {
        return new NotComputable(in.policy.id(), rule == null ? null : rule.id(), subjectId,
                "because " + String.join("; ", reasons));
    }

    static BigDecimal money(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_UP);
    }
}
