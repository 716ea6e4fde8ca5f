package dev.subsidy.gateway.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The whole demo against a real application context with the {@code demo} profile: the same
 * initializer, simulated intake, registry, feeds, partner connectors and simulators, closes and
 * checks as {@code mvn -Pdemo verify}, without the exit at the end.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT, properties = {
    "demo.run-on-startup=false",
    "demo.runs-folder=target/demo-it"
})
@ActiveProfiles("demo")
class DemoIT {

    @Autowired
    DemoFlow flow;

    @Test
    void theDemoPassesItsOwnChecksAndPrintsChineseNames() {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        DemoConsole console = new DemoConsole(new PrintStream(printed, true, StandardCharsets.UTF_8));
        DemoReport report = flow.run(console::progress);
        console.summary(report);
        String summary = printed.toString(StandardCharsets.UTF_8);
        System.out.println(summary);

        // what the demo prints reads in a terminal of 120 columns, with no colour code left behind
        assertThat(summary.lines()).allSatisfy(line -> assertThat(ConsoleLines.columns(line))
                .as("columns of: %s", line).isLessThanOrEqualTo(ConsoleLines.WIDTH));
        assertThat(summary).doesNotContain("\u001B[");
        // each intended refusal is announced before it happens (read across the lines' breaks)
        String flat = summary.replaceAll("\\s+", " ");
        assertThat(flat.indexOf("bad signature on purpose")).isPositive()
                .isLessThan(flat.indexOf("a push signed with another secret"));
        assertThat(flat.indexOf("rows with errors on purpose")).isPositive()
                .isLessThan(flat.indexOf("J&T export:"));

        assertThat(report.checks()).allSatisfy(c -> assertThat(c.passed())
                .as("%s: expected %s, got %s", c.what(), c.expected(), c.actual()).isTrue());
        assertThat(summary).contains("从江中通快递有限公司", "从江香禾糯米业有限公司", "DEMO PASSED");
        assertThat(report.intake().accepted()).isNotEmpty();

        // the partner paths: every connector listed and fed, in its own format
        assertThat(summary).contains("== Connectors", "淘宝 TOP", "抖店", "揽收网点", JtBranchExport.FILE_NAME);
        assertThat(report.partners().connectors()).extracting(c -> c.path("id").asText())
                .containsExactlyInAnyOrder(PartnerConnectors.ZTO, PartnerConnectors.JT, PartnerConnectors.TAOBAO,
                        PartnerConnectors.DOUYIN);
        assertThat(report.partners().connectors()).allSatisfy(c -> {
            assertThat(c.path("state").asText()).isEqualTo("IDLE");
            assertThat(c.path("accepted").asLong()).isGreaterThan(200);
        });
        assertThat(report.partners().pulls()).allSatisfy(p -> {
            assertThat(p.readThrough()).isTrue();
            assertThat(p.simulator().refusals()).isEmpty();
            assertThat(p.simulator().signaturesVerified()).isEqualTo(p.simulator().requests()).isGreaterThan(30);
        });
        assertThat(report.partners().file().outcome()).isEqualTo("failed");
    }
}
