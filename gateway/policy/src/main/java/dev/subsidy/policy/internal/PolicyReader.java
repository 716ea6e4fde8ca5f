package dev.subsidy.policy.internal;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import dev.subsidy.model.Granularity;
import dev.subsidy.model.SubjectType;
import dev.subsidy.policy.Condition;
import dev.subsidy.policy.Policy;
import dev.subsidy.policy.PolicyProblem;
import dev.subsidy.policy.Provision;
import dev.subsidy.policy.Rule;
import dev.subsidy.policy.RuleKind;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/** Reads one policy file into a {@link Policy}, collecting every problem with its line. */
public final class PolicyReader {

    /** The policy, when the file has no problem; else null and the problems. */
    public record Result(Policy policy, List<PolicyProblem> problems) {
    }

    private static final List<String> RULE_FIELDS = List.of("id", "clause", "title", "subject", "period", "eligibility", "kind");

    private PolicyReader() {
    }

    public static Result read(String yaml, String fileName) {
        YamlSource source;
        try {
            source = YamlSource.read(yaml);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            return new Result(null, List.of(new PolicyProblem(fileName, at == null ? 1 : at.getLineNr(),
                    at == null ? 1 : at.getColumnNr(), "", "not valid YAML: " + e.getOriginalMessage())));
        }
        Problems problems = new Problems(fileName, source.locations);
        Node root = new Node(source.tree, "", problems);
        if (!root.isMap()) {
            root.problem("a policy file must be a map with id, name, validFrom, rules …");
            return new Result(null, problems.list());
        }
        Policy policy = policy(root);
        return problems.isEmpty() ? new Result(policy, List.of()) : new Result(null, problems.list());
    }

    private static Policy policy(Node root) {
        root.allowOnly("id", "name", "document", "validFrom", "validTo", "currency", "regions", "rules", "provisions");
        String id = root.text("id", true);
        String name = root.text("name", true);
        String document = root.text("document", true);
        LocalDate from = root.date("validFrom", true);
        LocalDate to = root.date("validTo", false);
        if (from != null && to != null && to.isBefore(from)) {
            root.get("validTo").problem("validTo " + to + " is before validFrom " + from);
        }
        String currency = root.text("currency", true);
        if (currency != null && !currency.equals("CNY")) {
            root.get("currency").problem("currency must be CNY, not " + currency);
        }
        List<String> regions = new ArrayList<>();
        for (Node r : root.list("regions", true)) {
            String code = r.json.asText();
            if (!code.matches("\\d{6}|\\d{9}|\\d{12}")) {
                r.problem("'" + code + "' is not a region code (6, 9 or 12 digits)");
            }
            regions.add(code);
        }
        List<Rule> rules = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (Node r : root.list("rules", true)) {
            Rule rule = rule(r);
            if (rule != null) {
                if (!ids.add(rule.id())) {
                    r.get("id").problem("duplicate rule id " + rule.id());
                }
                rules.add(rule);
            }
        }
        List<Provision> provisions = new ArrayList<>();
        for (Node p : root.list("provisions", false)) {
            Provision provision = provision(p, ids);
            if (provision != null) {
                provisions.add(provision);
            }
        }
        if (id == null || from == null) {
            return null;
        }
        return new Policy(id, name, document, from, to, currency, regions, rules, provisions);
    }

    private static Rule rule(Node r) {
        if (!r.isMap()) {
            r.problem("a rule must be a map");
            return null;
        }
        String id = r.text("id", true);
        String clause = r.text("clause", true);
        String title = r.text("title", false);
        SubjectType subject = r.enumValue("subject", SubjectType.class, "subject type", true);
        Granularity period = r.has("period") ? r.enumValue("period", Granularity.class, "period", true) : Granularity.YEAR;
        List<Condition> eligibility = ConditionReader.all(r, "eligibility", subject, false);
        String kindName = r.text("kind", true);
        RuleKind kind = null;
        if (kindName != null && !KindReader.FIELDS.containsKey(kindName)) {
            r.get("kind").problem("unknown rule kind '" + kindName + "' (expected one of "
                    + String.join(", ", new TreeSet<>(KindReader.FIELDS.keySet())) + ")");
        } else if (kindName != null) {
            r.allowOnly(Stream.concat(RULE_FIELDS.stream(), KindReader.FIELDS.get(kindName).stream()).toArray(String[]::new));
            kind = KindReader.read(kindName, r, subject);
        }
        if (id == null || subject == null || period == null || kind == null) {
            return null;
        }
        return new Rule(id, clause, title, subject, period, eligibility, kind);
    }

    private static Provision provision(Node p, Set<String> ruleIds) {
        p.allowOnly("id", "clause", "title", "exclusive", "eligibility", "appliesTo");
        String id = p.text("id", true);
        String clause = p.text("clause", true);
        List<String> exclusive = ruleRefs(p, "exclusive", ruleIds);
        if (p.has("exclusive") && exclusive.size() < 2) {
            p.get("exclusive").problem("exclusive needs at least two rules");
        }
        List<String> appliesTo = ruleRefs(p, "appliesTo", ruleIds);
        List<Condition> eligibility = ConditionReader.all(p, "eligibility", null, false);
        if (exclusive.isEmpty() && eligibility.isEmpty()) {
            p.problem("a provision needs exclusive rules or eligibility conditions");
        }
        return id == null ? null : new Provision(id, clause, exclusive, eligibility, appliesTo);
    }

    private static List<String> ruleRefs(Node p, String field, Set<String> ruleIds) {
        List<String> refs = new ArrayList<>();
        for (Node n : p.list(field, false)) {
            String ref = n.json.asText();
            if (!ruleIds.contains(ref)) {
                n.problem("no rule " + ref + " in this policy");
            }
            refs.add(ref);
        }
        return refs;
    }
}
