package dev.subsidy.gateway.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoInitializerTest {

    @TempDir
    Path runs;

    @Test
    void eachRunGetsAFreshFolderAndEarlierRunsAreLeftAlone() throws Exception {
        LocalDateTime now = LocalDateTime.of(2026, 11, 21, 22, 15, 3);
        Path first = DemoInitializer.newRunFolder(runs, now);
        Files.writeString(first.resolve("gateway.db"), "earlier run");
        Path second = DemoInitializer.newRunFolder(runs, now);

        assertThat(first.getFileName()).hasToString("run-20261121-221503");
        assertThat(second.getFileName()).hasToString("run-20261121-221503-2");
        assertThat(first.resolve("gateway.db")).hasContent("earlier run");
    }

    @Test
    void secretsAreRandomAndNeverShownWhole() {
        DemoRun run = DemoRun.create(runs, new SecureRandom());
        assertThat(run.adminToken()).hasSize(43).isNotEqualTo(run.feederToken()).isNotEqualTo(run.awardSecret());
        assertThat(DemoRun.mask(run.awardSecret())).doesNotContain(run.awardSecret()).endsWith("…(43 chars)");
        assertThat(run.toString()).doesNotContain(run.adminToken(), run.readerToken(), run.feederToken(),
                run.awardSecret());
        assertThat(run.partnerSecrets()).containsOnlyKeys(DemoRun.PARTNER_VARIABLES);
        assertThat(run.partnerSecrets().values()).doesNotHaveDuplicates().doesNotContain(run.adminToken())
                .allSatisfy(secret -> assertThat(run.toString()).doesNotContain(secret));
    }

    @Test
    void theDemosEnvironmentAnswersItsPartnerSecretsAndPassesOtherNamesOn() {
        DemoRun run = DemoRun.create(runs, new SecureRandom());
        var env = new DemoEnvironment().demoEnvironmentVariables(run);
        assertThat(env.get(DemoRun.TAOBAO_SESSION)).contains(run.partner(DemoRun.TAOBAO_SESSION));
        assertThat(env.get("DEMO_NO_SUCH_VARIABLE_9F2C")).isEmpty();
        assertThat(env.get("PATH")).isEqualTo(java.util.Optional.ofNullable(System.getenv("PATH")).filter(v -> !v.isBlank()));
    }
}
