package dev.subsidy.policy.internal;

import dev.subsidy.model.AwardLine;
import dev.subsidy.policy.Provision;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Applies "not stacked, the highest applies" provisions: among one subject's lines of the same period
 * from the provision's rules, the highest is paid and the others are superseded. Equal amounts go to the
 * rule listed first in the provision.
 */
final class Exclusivity {

    private Exclusivity() {
    }

    /** Returns the lines to pay; adds the lines not paid to {@code superseded}. */
    static List<AwardLine> apply(List<Provision> provisions, List<AwardLine> lines, List<AwardLine> superseded) {
        List<AwardLine> paid = new ArrayList<>(lines);
        for (Provision provision : provisions) {
            if (provision.exclusive().isEmpty()) {
                continue;
            }
            Map<String, List<AwardLine>> bySubject = paid.stream()
                    .filter(l -> provision.exclusive().contains(l.ruleId()))
                    .collect(Collectors.groupingBy(l -> l.subject().id(), LinkedHashMap::new, Collectors.toList()));
            for (List<AwardLine> group : bySubject.values()) {
                if (group.size() < 2) {
                    continue;
                }
                AwardLine winner = group.stream()
                        .sorted(Comparator.comparing(AwardLine::amount).reversed()
                                .thenComparing(l -> provision.exclusive().indexOf(l.ruleId())))
                        .findFirst().orElseThrow();
                List<AwardLine> losers = group.stream().filter(l -> l != winner).toList();
                String others = losers.stream().map(l -> l.ruleId() + " " + Fmt.money(l.amount()))
                        .collect(Collectors.joining(", "));
                AwardLine kept = new AwardLine(winner.awardId(), winner.policy(), winner.clause(), winner.ruleId(),
                        winner.subject(), winner.period(), winner.amount(), winner.currency(), winner.basis(),
                        winner.explanation() + "; not stacked with " + others,
                        winner.reading() + "; only the highest of " + String.join(", ", provision.exclusive())
                                + " applies (" + provision.id() + ", " + provision.clause() + ")",
                        winner.payments());
                paid.set(paid.indexOf(winner), kept);
                paid.removeAll(losers);
                superseded.addAll(losers);
            }
        }
        return paid;
    }
}
