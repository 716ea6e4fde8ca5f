package dev.subsidy.gateway.awards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.subsidy.policy.PolicyLoader;
import dev.subsidy.policy.PolicyProblem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A draft is checked as startup would check it beside the loaded policies. */
class PolicyDraftCheckTest {

    private static String seed(String name) throws IOException {
        return new String(PolicyDraftCheckTest.class.getResourceAsStream("/policies/" + name).readAllBytes(),
                StandardCharsets.UTF_8);
    }

    private final PolicyDraftCheck check;

    PolicyDraftCheckTest() throws IOException {
        check = new PolicyDraftCheck(new PolicyCatalog(List.of(new PolicyLoader().parse(seed("congjiang.yml"), "congjiang.yml"))));
    }

    @Test
    void theFileItselfIsCheckedWithLinesAndReasons() {
        List<PolicyProblem> problems = check.check(PolicyStartupTest.BAD, "draft.yml");

        assertThat(problems).extracting(PolicyProblem::file, PolicyProblem::line)
                .containsExactly(tuple("draft.yml", 12), tuple("draft.yml", 15));
        assertThat(problems.get(0).reason()).startsWith("unknown metric 'PARCELS_TELEPORTED'");
        assertThat(problems.get(1).path()).isEqualTo("/rules/0/tiers/1/from");
    }

    @Test
    void aNewVersionOfALoadedPolicyMayKeepItsRuleIds() throws IOException {
        assertThat(check.check(seed("congjiang.yml").replace("rate: 1.50", "rate: 1.60"), "congjiang.yml")).isEmpty();
    }

    @Test
    void anotherPolicyReusingALoadedRuleIdIsRefused() throws IOException {
        String copy = seed("congjiang.yml").replace("id: congjiang-2015", "id: congjiang-2027");

        assertThat(check.check(copy, "copy.yml")).extracting(PolicyProblem::path, PolicyProblem::reason).containsExactly(
                tuple("/rules/0/id", "rule id cj-express-parcel is already used by loaded policy congjiang-2015"),
                tuple("/rules/1/id", "rule id cj-shop is already used by loaded policy congjiang-2015"));
    }
}
