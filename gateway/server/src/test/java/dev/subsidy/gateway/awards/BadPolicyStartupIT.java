package dev.subsidy.gateway.awards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.subsidy.gateway.GatewayApplication;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.core.NestedExceptionUtils;

/** The whole gateway refuses to start on a policy file with problems, and says which, where and why. */
class BadPolicyStartupIT {

    @TempDir
    Path home;

    @Test
    void theGatewayDoesNotStartWithAnUnknownMetricOrOverlappingTiers() throws Exception {
        Path file = Files.writeString(home.resolve("draft.yml"), PolicyStartupTest.BAD);

        // arguments, not default properties: application.yml's gateway.home would win over those
        assertThatThrownBy(() -> new SpringApplicationBuilder(GatewayApplication.class).run(
                        "--gateway.home=" + home,
                        "--gateway.jurisdiction.name=从江县",
                        "--gateway.jurisdiction.regions=522633",
                        "--server.port=0",
                        "--gateway.policies=classpath:policies/congjiang.yml,file:" + file)
                .close())
                .satisfies(e -> assertThat(NestedExceptionUtils.getMostSpecificCause(e).getMessage())
                        .contains("gateway.policies: 2 problem(s)")
                        .containsPattern("draft\\.yml:12:\\d+: unknown metric 'PARCELS_TELEPORTED'")
                        .containsPattern("draft\\.yml:15:\\d+: tier 2 overlaps tier 1"));
    }
}
