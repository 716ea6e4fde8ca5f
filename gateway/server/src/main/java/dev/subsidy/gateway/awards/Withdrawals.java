package dev.subsidy.gateway.awards;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A line published at an earlier close that the revised figures no longer earn (a refund took the sales
 * below the step, an entered figure was corrected) must not stand at its old amount: it is revised to
 * 0.00, and the award system receives that revision like any other. Lines of rules no longer configured
 * are left alone: removing a policy from the settings is not a decision to claw its payments back.
 */
final class Withdrawals {

    static final String PREFIX = "withdrawn: ";

    private Withdrawals() {}

    /** The computed lines, plus a 0.00 line for every published line of these rules that was not computed. */
    static List<PublishedAwardLine> complete(List<PublishedAwardLine> computed, List<PublishedAwardLine> published, Set<String> ruleIds) {
        Set<String> computedIds = computed.stream().map(PublishedAwardLine::awardId).collect(Collectors.toSet());
        List<PublishedAwardLine> all = new ArrayList<>(computed);
        for (PublishedAwardLine old : published) {
            if (!computedIds.contains(old.awardId()) && ruleIds.contains(old.policy())) {
                all.add(withdrawn(old));
            }
        }
        return all;
    }

    /** Unchanged when already withdrawn, so closing again publishes no new revision. */
    private static PublishedAwardLine withdrawn(PublishedAwardLine old) {
        if (old.explanation() != null && old.explanation().startsWith(PREFIX)) {
            return old;
        }
        return new PublishedAwardLine(old.awardId(), old.policy(), old.clause(), old.subject(), old.period(), "0.00",
                old.currency(), old.revision(), List.of(),
                PREFIX + "the current figures no longer earn it (revision " + old.revision() + " paid " + old.amount()
                        + ": " + old.explanation() + ")", old.reading());
    }
}
