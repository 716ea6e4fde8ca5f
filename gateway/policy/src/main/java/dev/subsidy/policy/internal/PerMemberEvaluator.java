package dev.subsidy.policy.internal;

import dev.subsidy.model.Payment;
import dev.subsidy.model.PriorAward;
import dev.subsidy.model.Subject;
import dev.subsidy.policy.CapScope;
import dev.subsidy.policy.RuleKind.Option;
import dev.subsidy.policy.RuleKind.PerMember;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Pays a subject per qualifying member (a park operator per tenant, a trainer per trainee). Each member
 * earns its highest option; members are paid in id order until the cap is reached.
 */
final class PerMemberEvaluator extends PerSubjectEvaluator {

    @Override
    Computation compute(Scope scope) {
        PerMember k = (PerMember) scope.rule.kind();
        List<PriorAward> prior = scope.priorAwards();
        Set<String> paidBefore = prior.stream().map(PriorAward::key).filter(Objects::nonNull).collect(Collectors.toSet());
        BigDecimal room = k.cap() == null ? null : k.capScope() == CapScope.POLICY
                ? k.cap().subtract(prior.stream().map(PriorAward::amount).reduce(BigDecimal.ZERO, BigDecimal::add)).max(BigDecimal.ZERO)
                : k.cap();

        List<Payment> payments = new ArrayList<>();
        List<String> terms = new ArrayList<>();
        List<String> incomplete = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO;
        boolean capped = false;
        for (Subject member : scope.in.subjectsOf(k.memberType())) {
            if (!scope.subject.id().equals(member.attributes().get(k.link()))
                    || (k.oncePerMember() && paidBefore.contains(member.id()))) {
                continue;
            }
            Scope ms = scope.forMember(member);
            Verdict eligible = ms.all(k.memberEligibility());
            if (eligible.isFalse()) {
                continue;
            }
            BigDecimal best = BigDecimal.ZERO;
            String because = null;
            List<String> unknown = new ArrayList<>(eligible.isUnknown() ? eligible.notes() : List.of());
            for (Option option : k.options()) {
                Verdict v = ms.all(option.when());
                if (v.isTrue() && option.amount().compareTo(best) > 0) {
                    best = option.amount();
                    because = Scope.facts(v);
                } else if (v.isUnknown()) {
                    unknown.addAll(v.notes());
                }
            }
            final BigDecimal earned = best;
            boolean higherUnknown = k.options().stream().anyMatch(o -> o.amount().compareTo(earned) > 0
                    && ms.all(o.when()).isUnknown());
            if ((eligible.isUnknown() && best.signum() > 0) || higherUnknown) {
                incomplete.add("member " + ms.who() + ": " + String.join("; ", unknown));
                continue;
            }
            if (best.signum() == 0) {
                continue;
            }
            BigDecimal pay = room == null ? best : best.min(room.subtract(total).max(BigDecimal.ZERO));
            capped |= pay.compareTo(best) < 0;
            if (pay.signum() > 0) {
                payments.add(new Payment(member.id(), Lines.money(pay)));
                total = total.add(pay);
            }
            terms.add(member.displayName() + " (" + member.id() + "): " + because + " → " + Fmt.money(best));
        }
        if (payments.isEmpty()) {
            return incomplete.isEmpty() ? Computation.NOTHING : new Computation.Missing(incomplete);
        }
        String explanation = String.join("; ", terms) + "; total " + Fmt.money(total);
        if (capped) {
            explanation += " (capped at " + Fmt.money(k.cap()) + (k.capScope() == CapScope.POLICY
                    ? " in total, " + Fmt.money(k.cap().subtract(room)) + " paid before)" : ")");
        }
        String reading = "per qualifying member; each member earns its highest option, options not stacked"
                + (k.oncePerMember() ? "; each member paid once" : "")
                + (k.cap() == null ? "" : "; capped at " + Fmt.money(k.cap()) + (k.capScope() == CapScope.POLICY ? " in total" : " a period"));
        return new Computation.Award(Lines.money(total), explanation, reading, payments, incomplete);
    }
}
