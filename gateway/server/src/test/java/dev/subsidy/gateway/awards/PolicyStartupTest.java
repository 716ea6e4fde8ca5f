package dev.subsidy.gateway.awards;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.NestedExceptionUtils;

/** {@code gateway.policies} is read at startup: a bad file stops the gateway, naming file, line and reason. */
class PolicyStartupTest {

    /** Line 12 names a metric that does not exist; line 15 starts a tier inside the one before. */
    static final String BAD = """
            id: draft-2026
            name: 草案
            document: draft
            validFrom: 2026-01-01
            currency: CNY
            regions: ["522633"]
            rules:
              - id: draft-parcel
                clause: 一
                subject: EXPRESS_COMPANY
                kind: PER_UNIT
                metric: PARCELS_TELEPORTED
                tiers:
                  - { from: 0, upTo: 10000, rate: 1.00 }
                  - { from: 9000, rate: 1.50 }
            """;

    @EnableConfigurationProperties(PolicySettings.class)
    static class Settings {}

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(Settings.class, PolicyCatalogConfiguration.class);

    @TempDir
    Path dir;

    @Test
    void aFileWithAnUnknownMetricAndOverlappingTiersStopsStartupWithEveryProblem() throws Exception {
        Path file = Files.writeString(dir.resolve("draft.yml"), BAD);

        runner.withPropertyValues("gateway.policies=file:" + file).run(context -> {
            assertThat(context).hasFailed();
            String message = NestedExceptionUtils.getMostSpecificCause(context.getStartupFailure()).getMessage();
            assertThat(message)
                    .contains("gateway.policies: 2 problem(s)")
                    .containsPattern("draft\\.yml:12:\\d+: unknown metric 'PARCELS_TELEPORTED'")
                    .contains("draft.yml:15:")
                    .contains("tier 2 overlaps tier 1: it starts at 9000, before tier 1 ends at 10000");
        });
    }

    @Test
    void theFiveSeedPoliciesShippedInTheJarLoad() {
        runner.withPropertyValues("gateway.policies=classpath:policies/xinjiang.yml,classpath:policies/ganzhou.yml,"
                + "classpath:policies/anqing.yml,classpath:policies/miluo.yml,classpath:policies/congjiang.yml")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context.getBean(PolicyCatalog.class).all()).extracting(p -> p.id())
                            .containsExactly("xinjiang-2015", "ganzhou-2015", "anqing-2018", "miluo-2017", "congjiang-2015");
                });
    }

    @Test
    void aRuleIdUsedInTwoFilesStopsStartupNamingBoth() throws Exception {
        String copy = new String(getClass().getResourceAsStream("/policies/congjiang.yml").readAllBytes(),
                java.nio.charset.StandardCharsets.UTF_8).replace("id: congjiang-2015", "id: congjiang-copy");
        Path file = Files.writeString(dir.resolve("copy.yml"), copy);

        runner.withPropertyValues("gateway.policies=classpath:policies/congjiang.yml,file:" + file).run(context -> {
            assertThat(context).hasFailed();
            assertThat(NestedExceptionUtils.getMostSpecificCause(context.getStartupFailure()).getMessage())
                    .contains("copy.yml: rule id cj-express-parcel is also used in congjiang.yml");
        });
    }

    @Test
    void aMissingFileStopsStartup() {
        runner.withPropertyValues("gateway.policies=file:" + dir.resolve("nowhere.yml")).run(context -> {
            assertThat(context).hasFailed();
            assertThat(NestedExceptionUtils.getMostSpecificCause(context.getStartupFailure()).getMessage())
                    .contains("nowhere.yml: cannot be read");
        });
    }

    @Test
    void noPoliciesIsAValidConfiguration() {
        runner.run(context -> assertThat(context.getBean(PolicyCatalog.class).all()).isEmpty());
    }
}
