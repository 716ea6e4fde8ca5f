package dev.subsidy.policy.internal;

import dev.subsidy.model.Payment;
import dev.subsidy.model.Subject;
import dev.subsidy.policy.Rule;
import dev.subsidy.policy.RuleKind.Ranking;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Top-N by a figure. Equal values share the higher place and the next place is skipped (1, 2, 2, 4);
 * nobody is placed on a value of 0. When a subject whose standing is unknown could reach a paid place,
 * the whole ranking is not computable: paying the others could pay the wrong towns.
 */
final class RankingEvaluator implements RuleEvaluator {

    private record Entry(Subject subject, Scope scope, BigDecimal value) {
    }

    @Override
    public void evaluate(Rule rule, Inputs in, Outcome out) {
        Ranking k = (Ranking) rule.kind();
        List<Entry> ranked = new ArrayList<>();
        List<Entry> doubtful = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        boolean unknownValue = false;
        for (Subject s : in.subjectsOf(rule.subject())) {
            Scope scope = in.scope(rule, s);
            Verdict eligible = scope.all(in.eligibility(rule));
            if (eligible.isFalse()) {
                continue;
            }
            Scope.Value v = scope.value(k.metric());
            if (!v.known()) {
                missing.add(v.missing());
                unknownValue = true;
            } else if (eligible.isUnknown()) {
                doubtful.add(new Entry(s, scope, v.value()));
                missing.addAll(eligible.notes());
            } else if (v.value().signum() > 0) {
                ranked.add(new Entry(s, scope, v.value()));
            }
        }
        ranked.sort(Comparator.comparing(Entry::value).reversed().thenComparing(e -> e.subject().id()));
        int places = k.amounts().size();
        BigDecimal lastPaid = ranked.size() >= places ? ranked.get(places - 1).value() : BigDecimal.ZERO;
        boolean undecided = unknownValue
                || doubtful.stream().anyMatch(d -> d.value().signum() > 0 && d.value().compareTo(lastPaid) >= 0);
        if (undecided) {
            out.notComputable.add(Lines.notComputable(in, rule, null, missing));
            return;
        }
        String table = table(ranked, k, places);
        for (int i = 0; i < ranked.size(); i++) {
            Entry e = ranked.get(i);
            int place = 1 + (int) ranked.stream().filter(o -> o.value().compareTo(e.value()) > 0).count();
            if (place > places) {
                break;
            }
            BigDecimal amount = Lines.money(k.amounts().get(place - 1));
            String explanation = k.metric() + ": " + table + " → place " + place + " → " + Fmt.money(amount);
            String reading = "top " + places + " by " + k.metric() + "; equal values share the higher place";
            out.lines.add(Lines.line(in, rule, e.subject(),
                    new Computation.Award(amount, explanation, reading, List.of(new Payment(null, amount))), e.scope().basis()));
        }
    }

    private static String table(List<Entry> ranked, Ranking k, int places) {
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < ranked.size() && i <= places; i++) {
            Entry e = ranked.get(i);
            rows.add((i + 1) + ". " + e.subject().displayName() + " " + Fmt.plain(e.value()));
        }
        return String.join("; ", rows);
    }
}
