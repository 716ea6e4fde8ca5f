package dev.subsidy.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A bad policy file fails with every problem, each with its file, line and reason. */
class PolicyValidationTest {

    private final PolicyLoader loader = new PolicyLoader();

    private static final String HEADER = """
            id: test-policy
            name: 测试
            document: test
            validFrom: 2026-01-01
            currency: CNY
            regions: ["522633"]
            rules:
            """;

    private List<PolicyProblem> problems(String rules) {
        return loader.validate(HEADER + rules, "bad.yml");
    }

    @Test
    void the_real_files_have_no_problem() throws Exception {
        try (var files = Files.list(PolicyFiles.dir())) {
            for (Path file : files.toList()) {
                assertThat(loader.validate(Files.readString(file), file.getFileName().toString())).as(file.toString()).isEmpty();
            }
        }
    }

    @Test
    void an_unknown_metric_is_reported_at_its_line() {
        List<PolicyProblem> p = problems("""
                  - id: r1
                    clause: 一
                    subject: EXPRESS_COMPANY
                    kind: PER_UNIT
                    metric: PARCELS_OUTBOND
                    tiers:
                      - { from: 0, rate: 1.00 }
                """);

        assertThat(p).singleElement().satisfies(problem -> {
            assertThat(problem.file()).isEqualTo("bad.yml");
            assertThat(problem.line()).isEqualTo(12);
            assertThat(problem.reason()).startsWith("unknown metric 'PARCELS_OUTBOND'");
            assertThat(problem.path()).isEqualTo("/rules/0/metric");
        });
    }

    @Test
    void a_metric_the_gateway_does_not_publish_for_the_subject_type_is_refused() {
        List<PolicyProblem> p = problems("""
                  - id: r1
                    clause: 一
                    subject: MERCHANT
                    kind: PER_UNIT
                    metric: PARCELS_INBOUND
                    tiers:
                      - { from: 0, rate: 1.00 }
                """);

        assertThat(p).extracting(PolicyProblem::line, PolicyProblem::reason)
                .containsExactly(tuple(12, "metric PARCELS_INBOUND is not published for MERCHANT subjects"));
    }

    @Test
    void overlapping_tiers_are_refused() {
        List<PolicyProblem> p = problems("""
                  - id: r1
                    clause: 一
                    subject: EXPRESS_COMPANY
                    kind: PER_UNIT
                    metric: PARCELS_OUTBOUND
                    tiers:
                      - { from: 0, upTo: 10000, rate: 1.00 }
                      - { from: 9000, rate: 1.50 }
                """);

        assertThat(p).singleElement().satisfies(problem -> {
            assertThat(problem.line()).isEqualTo(15);
            assertThat(problem.reason()).isEqualTo("tier 2 overlaps tier 1: it starts at 9000, before tier 1 ends at 10000");
        });
    }

    @Test
    void unordered_tiers_and_an_open_tier_before_the_last_are_refused() {
        List<PolicyProblem> p = problems("""
                  - id: r1
                    clause: 一
                    subject: EXPRESS_COMPANY
                    kind: PER_UNIT
                    metric: PARCELS_OUTBOUND
                    tiers:
                      - { upTo: 10000, rate: 1.00 }
                      - { upTo: 5000, rate: 1.50 }
                      - { rate: 2.00 }
                      - { rate: 2.50 }
                """);

        assertThat(p).extracting(PolicyProblem::line, PolicyProblem::reason).containsExactly(
                tuple(15, "tiers out of order: tier 2 ends at 5000, not above where it starts (10000)"),
                tuple(16, "tier 3 has no upTo but is not the last tier"));
    }

    @Test
    void a_missing_amount_is_reported_at_the_step() {
        List<PolicyProblem> p = problems("""
                  - id: r1
                    clause: 一
                    subject: MERCHANT
                    kind: MILESTONE
                    metric: SALES_NET
                    stacking: CUMULATIVE
                    steps:
                      - { at: 5000000, amount: 10000 }
                      - { at: 10000000 }
                """);

        assertThat(p).singleElement().satisfies(problem -> {
            assertThat(problem.line()).isEqualTo(16);
            assertThat(problem.reason()).isEqualTo("missing amount");
            assertThat(problem.path()).isEqualTo("/rules/0/steps/1");
        });
    }

    @Test
    void steps_out_of_order_are_refused() {
        List<PolicyProblem> p = problems("""
                  - id: r1
                    clause: 一
                    subject: MERCHANT
                    kind: MILESTONE
                    metric: SALES_NET
                    stacking: HIGHEST_ONLY
                    steps:
                      - { at: 10000000, amount: 20000 }
                      - { at: 5000000, amount: 10000 }
                """);

        assertThat(p).extracting(PolicyProblem::line, PolicyProblem::reason)
                .containsExactly(tuple(16,
                        "steps out of order: step 2 at 5000000 is not above step 1 at 10000000 (SALES_NET)"));
    }

    @Test
    void a_bad_date_and_an_unknown_rule_kind_are_reported_together_with_their_lines() {
        String yaml = """
                id: test-policy
                name: 测试
                document: test
                validFrom: 2026-02-30
                validTo: 2025-01-01
                currency: CNY
                regions: ["522633"]
                rules:
                  - id: r1
                    clause: 一
                    subject: MERCHANT
                    kind: BONUS
                    amount: 100
                  - id: r2
                    clause: 二
                    subject: MERCHANT
                    kind: FLAT
                    amout: 100
                    when: [{ metric: ORDERS, atLeast: 10 }]
                """;

        List<PolicyProblem> p = loader.validate(yaml, "two.yml");

        assertThat(p).extracting(PolicyProblem::line, PolicyProblem::reason).containsExactly(
                tuple(4, "'2026-02-30' is not a date (YYYY-MM-DD) (validFrom)"),
                tuple(12, "unknown rule kind 'BONUS' (expected one of FLAT, MILESTONE,"
                        + " PERCENTAGE, PER_MEMBER, PER_UNIT, RANKING)"),
                tuple(18, "unknown field 'amout' (expected amount, clause, eligibility, id, kind,"
                        + " oneOff, period, subject, title, when)"),
                tuple(14, "missing amount"));
    }

    @Test
    void validity_ending_before_it_starts_is_refused() {
        String yaml = HEADER.replace("validFrom: 2026-01-01", "validFrom: 2026-01-01\nvalidTo: 2025-12-31") + """
                  - id: r1
                    clause: 一
                    subject: MERCHANT
                    kind: FLAT
                    amount: 100
                    when: [{ metric: ORDERS, atLeast: 10 }]
                """;

        assertThat(loader.validate(yaml, "dates.yml")).extracting(PolicyProblem::line, PolicyProblem::reason)
                .containsExactly(tuple(5, "validTo 2025-12-31 is before validFrom 2026-01-01"));
    }

    @Test
    void a_provision_naming_a_rule_that_does_not_exist_is_refused() {
        List<PolicyProblem> p = problems("""
                  - id: r1
                    clause: 一
                    subject: MERCHANT
                    kind: FLAT
                    amount: 100
                    when: [{ metric: ORDERS, atLeast: 10 }]
                provisions:
                  - id: no-double
                    clause: 五
                    exclusive: [r1, r9]
                """);

        assertThat(p).extracting(PolicyProblem::line, PolicyProblem::reason)
                .containsExactly(tuple(17, "no rule r9 in this policy"));
    }

    @Test
    void text_that_is_not_yaml_is_reported_with_its_line() {
        List<PolicyProblem> p = loader.validate("id: x\nrules:\n  - id: [unclosed\n", "broken.yml");

        assertThat(p).singleElement().satisfies(problem -> {
            assertThat(problem.line()).isGreaterThanOrEqualTo(3);
            assertThat(problem.reason()).startsWith("not valid YAML");
        });
    }

    @Test
    void parse_throws_with_every_problem_in_the_message() {
        assertThatThrownBy(() -> loader.parse(HEADER + """
                  - id: r1
                    clause: 一
                    subject: SHOP
                    kind: FLAT
                """, "bad.yml"))
                .isInstanceOf(PolicyValidationException.class)
                .hasMessageContaining("bad.yml:10:")
                .hasMessageContaining("unknown subject type 'SHOP'")
                .hasMessageContaining("bad.yml:8:")
                .hasMessageContaining("missing amount")
                .satisfies(e -> assertThat(((PolicyValidationException) e).problems()).hasSize(3));
    }

    @Test
    void rule_ids_must_be_unique_across_files(@TempDir Path dir) throws Exception {
        String rule = """
                  - id: same-rule
                    clause: 一
                    subject: MERCHANT
                    kind: FLAT
                    amount: 100
                    when: [{ metric: ORDERS, atLeast: 10 }]
                """;
        Files.writeString(dir.resolve("a.yml"), HEADER + rule);
        Files.writeString(dir.resolve("b.yml"), HEADER.replace("test-policy", "other-policy") + rule);

        assertThatThrownBy(() -> loader.loadDirectory(dir))
                .isInstanceOf(PolicyValidationException.class)
                .hasMessageContaining("b.yml:1:1: rule id same-rule is also used in a.yml");
    }
}
