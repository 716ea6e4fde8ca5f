package dev.subsidy.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.subsidy.model.Metric;
import dev.subsidy.model.Payment;
import dev.subsidy.model.PriorAward;
import dev.subsidy.model.SubjectType;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Policy files and prior awards no administrator means, which the fuzz test found or would: numbers a
 * policy cannot hold are problems at their line, and an evaluation ends with its clauses computed or
 * not computable, however small a repeat or however far up its ladder a prior award names a step.
 */
class HostilePolicyTest {

    private final PolicyLoader loader = new PolicyLoader();

    private static final String HEADER = """
            id: test-policy
            name: 测试
            document: test
            validFrom: 2026-01-01
            currency: CNY
            regions: ["522633"]
            rules:
              - id: r1
                clause: 一
                subject: EXPRESS_COMPANY
                kind: PER_UNIT
                metric: PARCELS_OUTBOUND
                tiers:
            """;

    @Test
    void numbersNoPolicyCanHoldAreProblemsAtTheirLine() {
        List<PolicyProblem> problems = loader.validate(HEADER + """
                      - { from: 0, upTo: 1E+2147483647, rate: 1e999999999 }
                      - { from: 1E+2147483647, rate: 0.00000000001 }
                """, "bad.yml");

        assertThat(problems).extracting(PolicyProblem::line, PolicyProblem::path).contains(
                tuple(14, "/rules/0/tiers/0/upTo"),
                tuple(14, "/rules/0/tiers/0/rate"),
                tuple(15, "/rules/0/tiers/1/from"),
                tuple(15, "/rules/0/tiers/1/rate"));
        assertThat(problems).filteredOn(p -> p.path().equals("/rules/0/tiers/0/rate")).singleElement()
                .extracting(PolicyProblem::reason).asString()
                .isEqualTo("'1E+999999999' is not an amount, count or rate a policy can hold: at most 15 digits "
                        + "before the decimal point and 10 after (rate)");
    }

    @Test
    void yamlInfinityIsAProblemAtItsLine() {
        List<PolicyProblem> problems = loader.validate(HEADER + """
                      - { from: 0, upTo: .inf, rate: .nan }
                """, "bad.yml");

        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(14);
            assertThat(p.reason()).isEqualTo("not valid YAML: Malformed numeric value '.inf'");
        });
    }

    @Test
    void aNumberWhoseExponentCannotBeReadIsAProblemAtItsLine() {
        List<PolicyProblem> problems = loader.validate(HEADER + """
                      - { from: 0, rate: 1.5e40333333333333333333333333333 }
                """, "bad.yml");

        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(14);
            // JSON readers with USE_BIG_DECIMAL_FOR_FLOATS throw a NumberFormatException here; YAML's reports it
            assertThat(p.reason()).isEqualTo("not valid YAML: Malformed numeric value '1.5e40333333333333333333333333333'");
        });
    }

    @Test
    void aRepeatFarSmallerThanTheFiguresIsNotComputableRatherThanCountedStepByStep() throws Exception {
        Policy tiny = loader.parse(Files.readString(PolicyFiles.dir().resolve("xinjiang.yml"))
                .replace("every: 5000000", "every: 0.01"), "xinjiang.yml");
        Fixture f = new Fixture()
                .subject(SubjectType.MERCHANT, "BIG").region("360602100").attr("ecommerceCity", "true").add()
                .figure("BIG", Metric.SALES_NET, "2015", "31000000");

        Evaluation e = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> f.evaluate(tiny, "2015"));

        assertThat(e.lines()).noneMatch(l -> l.ruleId().equals("xj-sales-milestone"));
        assertThat(e.notComputable()).filteredOn(n -> n.ruleId().equals("xj-sales-milestone")).singleElement()
                .extracting(NotComputable::reason).asString()
                .isEqualTo("because the figures pass more than 1000 steps of xj-sales-milestone at once (repeat every 0.01): "
                        + "the rule's steps do not fit these figures");
    }

    @Test
    void aPriorAwardFarUpTheRepeatedStepsIsFoundWithoutCountingUpToIt() {
        Policy xinjiang = PolicyFiles.load("xinjiang.yml");
        Fixture f = new Fixture()
                .subject(SubjectType.MERCHANT, "BIG").region("360602100").attr("ecommerceCity", "true").add()
                .figure("BIG", Metric.SALES_NET, "2016", "5010000000");
        // the step at 5,000,000,000 (the 1000th: 15M written, then every 5M) was paid in 2015
        f.prior.add(new PriorAward(xinjiang.id(), "xj-sales-milestone", "BIG", "2015", "5000000000", new BigDecimal("10000000")));

        Evaluation e = f.evaluate(xinjiang, "2016");

        assertThat(e.lines()).filteredOn(l -> l.ruleId().equals("xj-sales-milestone")).singleElement().satisfies(l -> {
            assertThat(l.payments()).extracting(Payment::key).containsExactly("5005000000", "5010000000");
            assertThat(l.amount()).isEqualByComparingTo("20030000.00");
        });
    }

    @Test
    void priorAwardKeysThatAreNoStepMakeTheClauseNotComputable() {
        Policy xinjiang = PolicyFiles.load("xinjiang.yml");
        for (String key : List.of("1E+100", "1e-999999999", "5000000.5", "2147483647", "-1", "member-1")) {
            Fixture f = new Fixture()
                    .subject(SubjectType.MERCHANT, "BIG").region("360602100").attr("ecommerceCity", "true").add()
                    .figure("BIG", Metric.SALES_NET, "2016", "31000000");
            f.prior.add(new PriorAward(xinjiang.id(), "xj-sales-milestone", "BIG", "2015", key, BigDecimal.ONE));

            Evaluation e = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> f.evaluate(xinjiang, "2016"));

            assertThat(e.notComputable()).as(key).filteredOn(n -> n.ruleId().equals("xj-sales-milestone")).singleElement()
                    .extracting(NotComputable::reason).asString()
                    .isEqualTo("because prior award key " + key + " of 2015 is not a step of xj-sales-milestone");
        }
    }
}
