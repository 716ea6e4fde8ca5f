package dev.subsidy.policy.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.subsidy.model.Figure;
import dev.subsidy.model.Metric;
import dev.subsidy.model.PriorAward;
import dev.subsidy.model.SizeClass;
import dev.subsidy.model.Subject;
import dev.subsidy.model.SubjectType;
import dev.subsidy.policy.Evaluation;
import dev.subsidy.policy.Policy;
import dev.subsidy.policy.PolicyEngine;
import dev.subsidy.policy.PolicyLoader;
import dev.subsidy.policy.PolicyProblem;
import dev.subsidy.policy.PolicyValidationException;
import dev.subsidy.policy.Rule;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A policy file, whatever an administrator drafts (POST /api/v1/policies/validate, or a file that
 * startup reads), comes out as every problem with its file, line, column and reason, or as a policy
 * the engine then evaluates without failing: the award lines of a period close, or the clauses it
 * could not compute.
 */
class PolicyFileFuzzTest {

    private static final String FILE = "fuzzed.yml";
    private static final PolicyLoader LOADER = new PolicyLoader();
    private static final PolicyEngine ENGINE = new PolicyEngine();


    // fuzzed in mvn verify for fuzz.seconds (root pom); without a limit of its own when fuzzed by hand
    @FuzzTest(maxDuration = "")
    void aPolicyFileIsRefusedWithItsProblemsOrEvaluates(byte[] input) {
        String yaml = new String(input, StandardCharsets.UTF_8);
        List<PolicyProblem> problems = LOADER.validate(yaml, FILE);
        for (PolicyProblem p : problems) {
            if (!FILE.equals(p.file()) || p.line() < 1 || p.column() < 1 || p.path() == null
                    || p.reason() == null || p.reason().isBlank()) {
                throw new AssertionError("a problem an administrator cannot locate or act on: " + p);
            }
        }
        Policy policy;
        try {
            policy = LOADER.parse(yaml, FILE);
        } catch (PolicyValidationException e) {
            if (problems.isEmpty()) {
                throw new AssertionError("validate found no problem, parse refused the file", e);
            }
            return;
        }
        if (!problems.isEmpty()) {
            throw new AssertionError("validate found problems, parse accepted the file: " + problems);
        }
        int year = policy.validFrom().getYear() >= 2000 && policy.validFrom().getYear() <= 2099 ? policy.validFrom().getYear() : 2026;
        List<Figure> figures = figures(year);
        List<Subject> subjects = subjects(policy);
        for (List<PriorAward> prior : List.of(List.<PriorAward>of(), priorAwards(policy, year - 1))) {
            for (String period : List.of(Integer.toString(year), year + "-Q4", year + "-10")) {
                Evaluation evaluation = ENGINE.evaluate(policy, period, figures, subjects, prior);
                evaluation.total();
                evaluation.notComputable().forEach(n -> requireReason(n.reason()));
            }
        }
    }

    /**
     * What earlier closes paid each rule, with keys as a preview request may send them: steps written
     * and not, far up a repeating ladder, too fine to be any step, not numbers at all.
     */
    private static List<PriorAward> priorAwards(Policy policy, int year) {
        List<PriorAward> prior = new ArrayList<>();
        int n = 0;
        for (Rule rule : policy.rules()) {
            String key = PRIOR_KEYS.get(n++ % PRIOR_KEYS.size());
            prior.add(new PriorAward(policy.id(), rule.id(), id(rule.subject()), Integer.toString(year), key, BigDecimal.ONE));
        }
        return prior;
    }

    private static final List<String> PRIOR_KEYS = List.of("5000000", "1E+100", "1e-999999999", "2147483647", "-1",
            "5000000.5", "member-1", "");

    private static void requireReason(String text) {
        if (text == null || text.isBlank()) {
            throw new AssertionError("a clause not computed without saying why");
        }
    }

    /** One subject of every type, inside the policy's first region. */
    private static List<Subject> subjects(Policy policy) {
        String region = policy.regions().isEmpty() ? "522633" : policy.regions().get(0);
        List<Subject> subjects = new ArrayList<>();
        for (SubjectType type : SubjectType.values()) {
            subjects.add(new Subject(id(type), type, "主体 " + type, region, LocalDate.of(2015, 6, 1), Boolean.TRUE,
                    SizeClass.BELOW, Set.of("LOCAL_PRODUCT", "AGRICULTURAL"), Map.of("staff", "12")));
        }
        return subjects;
    }

    /** Every metric of every subject for the year, its quarters and months: zero, small and large values. */
    private static List<Figure> figures(int year) {
        List<String> periods = new ArrayList<>(List.of(Integer.toString(year)));
        for (int q = 1; q <= 4; q++) {
            periods.add(year + "-Q" + q);
        }
        for (int m = 1; m <= 12; m++) {
            periods.add(String.format("%d-%02d", year, m));
        }
        List<Figure> figures = new ArrayList<>();
        BigDecimal[] values = {BigDecimal.ZERO, new BigDecimal("1234.56"), new BigDecimal("98765432.10")};
        int n = 0;
        for (SubjectType type : SubjectType.values()) {
            for (Metric metric : Metric.values()) {
                for (String period : periods) {
                    BigDecimal value = values[n++ % values.length];
                    figures.add(new Figure(id(type) + ":" + metric + ":" + period, id(type), metric, period, value, 1));
                }
            }
        }
        return figures;
    }

    private static String id(SubjectType type) {
        return "S-" + type;
    }
}
