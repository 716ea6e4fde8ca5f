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
    }
}
