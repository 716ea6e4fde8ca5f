package dev.subsidy.policy.internal;

import dev.subsidy.model.Metric;
import dev.subsidy.model.SubjectType;
import dev.subsidy.policy.CapScope;
import dev.subsidy.policy.Condition;
import dev.subsidy.policy.RuleKind;
import dev.subsidy.policy.Stacking;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads and checks each rule kind's parameters. Returns null (with problems recorded) when they are unusable. */
final class KindReader {

    /** The rule kinds a file may name, with the fields each adds to a rule's common ones. */
    static final Map<String, List<String>> FIELDS = Map.of(
            "PER_UNIT", List.of("metric", "threshold", "tiers", "cap"),
            "MILESTONE", List.of("metric", "steps", "repeat", "stacking", "thresholdFactor", "amountFactor"),
            "PERCENTAGE", List.of("of", "rate", "rates", "when", "cap", "capScope"),
            "FLAT", List.of("amount", "when", "oneOff"),
            "RANKING", List.of("metric", "amounts"),
            "PER_MEMBER", List.of("members", "options", "oncePerMember", "cap", "capScope"));

    private KindReader() {
    }

    static RuleKind read(String kind, Node n, SubjectType subject) {
        return switch (kind) {
            case "PER_UNIT" -> perUnit(n, subject);
            case "MILESTONE" -> milestone(n, subject);
            case "PERCENTAGE" -> percentage(n, subject);
            case "FLAT" -> flat(n, subject);
            case "RANKING" -> ranking(n, subject);
            case "PER_MEMBER" -> perMember(n, subject);
            default -> throw new IllegalArgumentException(kind);
        };
    }

    private static RuleKind perUnit(Node n, SubjectType subject) {
        Metric metric = ConditionReader.metric(n, "metric", subject, true);
        BigDecimal threshold = n.decimal("threshold", false);
        if (threshold != null && threshold.signum() < 0) {
            n.get("threshold").problem("threshold must not be negative");
        }
        BigDecimal cap = n.positive("cap", false);
        List<RuleKind.Tier> tiers = new ArrayList<>();
        List<Node> nodes = n.list("tiers", true);
        BigDecimal previousEnd = BigDecimal.ZERO;
        boolean usable = true;
        for (int i = 0; i < nodes.size(); i++) {
            Node t = nodes.get(i);
            t.allowOnly("from", "upTo", "rate");
            BigDecimal from = t.decimal("from", false);
            BigDecimal upTo = t.decimal("upTo", false);
            BigDecimal rate = t.positive("rate", true);
            if (from == null) {
                from = previousEnd;
            } else if (from.signum() < 0) {
                t.get("from").problem("from must not be negative");
            } else if (i > 0 && from.compareTo(previousEnd) < 0) {
                t.get("from").problem("tier " + (i + 1) + " overlaps tier " + i + ": it starts at " + Fmt.plain(from)
                        + ", before tier " + i + " ends at " + Fmt.plain(previousEnd));
                usable = false;
            } else if (i > 0 && from.compareTo(previousEnd) > 0) {
                t.get("from").problem("gap between tier " + i + " (ends at " + Fmt.plain(previousEnd) + ") and tier "
                        + (i + 1) + " (starts at " + Fmt.plain(from) + ")");
                usable = false;
            }
            if (upTo == null && i < nodes.size() - 1) {
                t.problem("tier " + (i + 1) + " has no upTo but is not the last tier");
                usable = false;
            }
            if (upTo != null && upTo.compareTo(from) <= 0) {
                t.get("upTo").problem("tiers out of order: tier " + (i + 1) + " ends at " + Fmt.plain(upTo)
                        + ", not above where it starts (" + Fmt.plain(from) + ")");
                usable = false;
            }
            if (rate == null) {
                usable = false;
            }
            tiers.add(new RuleKind.Tier(from, upTo, rate));
            previousEnd = upTo == null ? from : upTo;
        }
        if (metric == null || !usable || tiers.isEmpty()) {
            return null;
        }
        return new RuleKind.PerUnit(metric, threshold == null ? BigDecimal.ZERO : threshold, tiers, cap);
    }

    private static RuleKind milestone(Node n, SubjectType subject) {
        Metric metric = n.has("metric") ? ConditionReader.metric(n, "metric", subject, true) : null;
        Stacking stacking = n.enumValue("stacking", Stacking.class, "stacking", true);
        BigDecimal factor = n.has("thresholdFactor") ? n.positive("thresholdFactor", true) : BigDecimal.ONE;
        List<RuleKind.Step> steps = new ArrayList<>();
        boolean usable = metric != null || !n.has("metric");
        Set<Metric> metrics = null;
        for (Node s : n.list("steps", true)) {
            s.allowOnly("at", "amount");
            BigDecimal amount = s.positive("amount", true);
            Map<Metric, BigDecimal> at = stepThresholds(s, metric, subject);
            if (amount == null || at == null) {
                usable = false;
                continue;
            }
            if (metrics == null) {
                metrics = at.keySet();
            } else if (!metrics.equals(at.keySet())) {
                s.get("at").problem("every step must name the same metrics " + metrics);
                usable = false;
                continue;
            }
            if (!steps.isEmpty()) {
                RuleKind.Step before = steps.get(steps.size() - 1);
                for (Map.Entry<Metric, BigDecimal> e : at.entrySet()) {
                    if (e.getValue().compareTo(before.at().get(e.getKey())) <= 0) {
                        s.get("at").problem("steps out of order: step " + (steps.size() + 1) + " at "
                                + Fmt.plain(e.getValue()) + " is not above step " + steps.size() + " at "
                                + Fmt.plain(before.at().get(e.getKey())) + " (" + e.getKey() + ")");
                        usable = false;
                    }
                }
            }
            steps.add(new RuleKind.Step(at, amount));
        }
        RuleKind.Repeat repeat = null;
        if (n.has("repeat")) {
            Node r = n.get("repeat");
            r.allowOnly("every", "amountIncrement");
            BigDecimal every = r.positive("every", true);
            BigDecimal increment = r.decimal("amountIncrement", true);
            if (metrics != null && metrics.size() > 1) {
                r.problem("repeat needs steps on a single metric");
                usable = false;
            }
            if (increment != null && increment.signum() < 0) {
                r.get("amountIncrement").problem("amountIncrement must not be negative");
                usable = false;
            }
            usable &= every != null && increment != null;
            repeat = usable ? new RuleKind.Repeat(every, increment) : null;
        }
        RuleKind.Factor amountFactor = null;
        if (n.has("amountFactor")) {
            Node f = n.get("amountFactor");
            f.allowOnly("factor", "when");
            BigDecimal value = f.positive("factor", true);
            List<Condition> when = ConditionReader.all(f, "when", subject, true);
            amountFactor = value == null ? null : new RuleKind.Factor(value, when);
            usable &= value != null;
        }
        if (!usable || stacking == null || factor == null || steps.isEmpty()) {
            return null;
        }
        return new RuleKind.Milestone(steps, repeat, stacking, factor, amountFactor);
    }

    /** {@code at: 5000000} with the rule's metric, or {@code at: {METRIC: value, …}}: any one suffices. */
    private static Map<Metric, BigDecimal> stepThresholds(Node s, Metric metric, SubjectType subject) {
        Node at = s.get("at");
        if (at.absent()) {
            s.missing("at");
            return null;
        }
        Map<Metric, BigDecimal> thresholds = new LinkedHashMap<>();
        if (at.isMap()) {
            for (Iterator<String> names = at.json.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                Metric m = parse(at, name, subject);
                BigDecimal v = at.positive(name, true);
                if (m == null || v == null) {
                    return null;
                }
                thresholds.put(m, v);
            }
            return thresholds.isEmpty() ? null : thresholds;
        }
        if (metric == null) {
            s.problem("a step's at is a number only when the rule names a metric; else write at: {METRIC: value}");
            return null;
        }
        BigDecimal v = s.positive("at", true);
        if (v == null) {
            return null;
        }
        thresholds.put(metric, v);
        return thresholds;
    }

    private static Metric parse(Node at, String name, SubjectType subject) {
        try {
            Metric m = Metric.valueOf(name);
            if (!m.appliesTo(subject)) {
                at.get(name).problem("metric " + m + " is not published for " + subject + " subjects");
            }
            return m;
        } catch (IllegalArgumentException e) {
            at.get(name).problem("unknown metric '" + name + "'");
            return null;
        }
    }

    private static RuleKind percentage(Node n, SubjectType subject) {
        Metric of = ConditionReader.metric(n, "of", subject, true);
        BigDecimal rate = rate(n);
        List<RuleKind.Rate> rates = new ArrayList<>();
        for (Node r : n.list("rates", false)) {
            r.allowOnly("rate", "when");
            BigDecimal alternative = rate(r);
            List<Condition> when = ConditionReader.all(r, "when", subject, true);
            if (alternative != null) {
                rates.add(new RuleKind.Rate(alternative, when));
            }
        }
        List<Condition> when = ConditionReader.all(n, "when", subject, false);
        BigDecimal cap = n.positive("cap", false);
        CapScope scope = n.has("capScope") ? n.enumValue("capScope", CapScope.class, "cap scope", true) : CapScope.PERIOD;
        if (of == null || rate == null || scope == null) {
            return null;
        }
        return new RuleKind.Percentage(of, rate, rates, when, cap, scope);
    }

    private static BigDecimal rate(Node n) {
        BigDecimal rate = n.positive("rate", true);
        if (rate != null && rate.compareTo(BigDecimal.ONE) > 0) {
            n.get("rate").problem("rate is a fraction (0.02 for 2%), not " + rate.toPlainString());
            return null;
        }
        return rate;
    }

    private static RuleKind flat(Node n, SubjectType subject) {
        BigDecimal amount = n.positive("amount", true);
        List<Condition> when = ConditionReader.all(n, "when", subject, true);
        Boolean oneOff = n.has("oneOff") ? n.bool("oneOff", true) : Boolean.FALSE;
        return amount == null || oneOff == null ? null : new RuleKind.Flat(amount, when, oneOff);
    }

    private static RuleKind ranking(Node n, SubjectType subject) {
        Metric metric = ConditionReader.metric(n, "metric", subject, true);
        List<BigDecimal> amounts = new ArrayList<>();
        for (Node a : n.list("amounts", true)) {
            BigDecimal v = a.json.isNumber() ? a.json.decimalValue() : null;
            if (v == null || v.signum() <= 0) {
                a.problem("an amount must be a number greater than 0");
                return null;
            }
            if (!amounts.isEmpty() && v.compareTo(amounts.get(amounts.size() - 1)) > 0) {
                a.problem("amounts out of order: place " + (amounts.size() + 1) + " pays more than place " + amounts.size());
                return null;
            }
            amounts.add(v);
        }
        return metric == null || amounts.isEmpty() ? null : new RuleKind.Ranking(metric, amounts);
    }

    private static RuleKind perMember(Node n, SubjectType subject) {
        Node m = n.get("members");
        SubjectType memberType = null;
        String link = null;
        List<Condition> memberEligibility = List.of();
        if (m.absent()) {
            n.missing("members");
        } else {
            m.allowOnly("type", "link", "eligibility");
            memberType = m.enumValue("type", SubjectType.class, "subject type", true);
            link = m.text("link", true);
            memberEligibility = ConditionReader.all(m, "eligibility", memberType, false);
        }
        List<RuleKind.Option> options = new ArrayList<>();
        boolean usable = true;
        for (Node o : n.list("options", true)) {
            o.allowOnly("amount", "when");
            BigDecimal amount = o.positive("amount", true);
            List<Condition> when = ConditionReader.all(o, "when", memberType, true);
            if (amount == null) {
                usable = false;
            } else {
                options.add(new RuleKind.Option(amount, when));
            }
        }
        Boolean once = n.has("oncePerMember") ? n.bool("oncePerMember", true) : Boolean.FALSE;
        BigDecimal cap = n.positive("cap", false);
        CapScope scope = n.has("capScope") ? n.enumValue("capScope", CapScope.class, "cap scope", true) : CapScope.PERIOD;
        if (!usable || memberType == null || link == null || options.isEmpty() || once == null || scope == null) {
            return null;
        }
        return new RuleKind.PerMember(memberType, link, memberEligibility, options, once, cap, scope);
    }
}
