package dev.subsidy.policy.internal;

import dev.subsidy.policy.Condition;
import dev.subsidy.policy.Policy;
import dev.subsidy.policy.Provision;
import dev.subsidy.policy.Rule;
import dev.subsidy.policy.RuleKind;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The registry attributes a policy reads, found in its conditions rather than listed by hand, so the
 * table administrators fill the registry from (docs/registry.md) can be checked against the policies.
 */
public final class RegistryAttributes {

    private RegistryAttributes() {
    }

    /** Attribute name → ids of the rules and provisions that read it, both sorted. */
    public static SortedMap<String, SortedSet<String>> of(Policy policy) {
        SortedMap<String, SortedSet<String>> read = new TreeMap<>();
        for (Rule rule : policy.rules()) {
            List<Condition> conditions = new ArrayList<>(rule.eligibility());
            conditions.addAll(kindConditions(rule.kind()));
            conditions.forEach(c -> collect(c, rule.id(), read));
            if (rule.kind() instanceof RuleKind.PerMember m) {
                read.computeIfAbsent(m.link(), k -> new TreeSet<>()).add(rule.id());
            }
        }
        for (Provision provision : policy.provisions()) {
            provision.eligibility().forEach(c -> collect(c, provision.id(), read));
        }
        read.replaceAll((name, ids) -> Collections.unmodifiableSortedSet(ids));
        return Collections.unmodifiableSortedMap(read);
    }

    private static List<Condition> kindConditions(RuleKind kind) {
        List<Condition> out = new ArrayList<>();
        if (kind instanceof RuleKind.Milestone m && m.amountFactor() != null) {
            out.addAll(m.amountFactor().when());
        } else if (kind instanceof RuleKind.Percentage p) {
            out.addAll(p.when());
            p.rates().forEach(r -> out.addAll(r.when()));
        } else if (kind instanceof RuleKind.Flat f) {
            out.addAll(f.when());
        } else if (kind instanceof RuleKind.PerMember m) {
            out.addAll(m.memberEligibility());
            m.options().forEach(o -> out.addAll(o.when()));
        }
        return out;
    }

    private static void collect(Condition c, String reader, SortedMap<String, SortedSet<String>> read) {
        String name = null;
        if (c instanceof Condition.AllOf all) {
            all.conditions().forEach(each -> collect(each, reader, read));
        } else if (c instanceof Condition.AnyOf any) {
            any.conditions().forEach(each -> collect(each, reader, read));
        } else if (c instanceof Condition.Not not) {
            collect(not.condition(), reader, read);
        } else if (c instanceof Condition.AttributeEquals eq) {
            name = eq.attribute();
        } else if (c instanceof Condition.AttributeContains contains) {
            name = contains.attribute();
        } else if (c instanceof Condition.OperatingMonths) {
            name = Conditions.OPERATING_SINCE;
        } else if (c instanceof Condition.GraduatedWithinYears) {
            name = Conditions.GRADUATION_YEAR;
        }
        if (name != null) {
            read.computeIfAbsent(name, k -> new TreeSet<>()).add(reader);
        }
    }
}
