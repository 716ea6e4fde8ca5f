package dev.subsidy.policy;

import dev.subsidy.policy.internal.RegistryAttributes;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SortedSet;

/**
 * One jurisdiction's policy document as configuration: its validity, the regions it calls "inside", its
 * rules and the provisions that constrain them (no stacking, disqualification).
 *
 * <p>Immutable; built by {@link PolicyLoader}, which has checked it.
 *
 * @param id         stable id, e.g. {@code congjiang-2015}
 * @param name       the document's title
 * @param document   the citation: issuer, number, date
 * @param validFrom  first day the policy applies
 * @param validTo    last day it applies, or null when the document sets no end
 * @param currency   CNY
 * @param regions    GB/T 2260 codes (or town codes) of the jurisdiction; a code covers the codes below it
 * @param rules      the data-driven clauses, in document order
 * @param provisions clauses that constrain other rules
 */
public record Policy(
        String id,
        String name,
        String document,
        LocalDate validFrom,
        LocalDate validTo,
        String currency,
        List<String> regions,
        List<Rule> rules,
        List<Provision> provisions) {

    public Policy {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(validFrom, "validFrom");
        regions = List.copyOf(regions);
        rules = List.copyOf(rules);
        provisions = List.copyOf(provisions);
    }

    public Optional<Rule> rule(String ruleId) {
        return rules.stream().filter(r -> r.id().equals(ruleId)).findFirst();
    }

    /**
     * Every registry attribute this policy reads, with the ids of the rules and provisions that read it:
     * what administrators must state for the subjects these rules pay (docs/registry.md lists them all).
     */
    public SortedMap<String, SortedSet<String>> registryAttributes() {
        return RegistryAttributes.of(this);
    }

    /** Whether any day from {@code start} to {@code end} (inclusive) lies within the validity dates. */
    public boolean validDuring(LocalDate start, LocalDate end) {
        return !end.isBefore(validFrom) && (validTo == null || !start.isAfter(validTo));
    }
}
