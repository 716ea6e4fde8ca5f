package dev.subsidy.gateway.console;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.subsidy.gateway.support.CongjiangFixture;
import dev.subsidy.gateway.support.GatewayClient;
import dev.subsidy.gateway.support.Tokens;
import dev.subsidy.simulators.award.AwardIntakeSimulator;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The console in a real browser (Debian's chromium through chromedriver) over a real gateway: the
 * journeys an administrator makes, in order, each building on the one before — a connector added from
 * YAML after its problem was shown, a file dropped into its inbox and its refused rows read, a period
 * closed and an award line explained, a failed delivery retried, a mapping's sample tried — and the reader's
 * read-only console.
 * Each journey leaves a screenshot in {@code target/console-screenshots/}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "gateway.jurisdiction.name=从江县",
    "gateway.jurisdiction.regions=522633",
    "gateway.security.admin-token=" + Tokens.ADMIN,
    "gateway.security.reader-token=" + Tokens.READER,
    "gateway.security.feeder-tokens.standard=" + Tokens.FEEDER,
    "gateway.award.secret=" + Tokens.AWARD_SECRET,
    "gateway.award.poll-interval=200ms",
    "gateway.award.initial-backoff=200ms",
    "gateway.policies=classpath:dev/subsidy/gateway/console/console-policy.yml",
    "gateway.connectors.tick=100ms",
    "gateway.connectors.initial-backoff=200ms",
    "gateway.connectors.max-backoff=1s"
})
// Not SharedGateway: the console's journeys need an award intake and a policy of their own, and they close a
// period whose deliveries the intake refuses on purpose. Closed after the class: no other test shares it.
@DirtiesContext
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleIT {

    static final AwardIntakeSimulator INTAKE = AwardIntakeSimulator.start(Tokens.AWARD_SECRET);
    static final String INBOX_CONNECTOR = "console-inbox";

    private static Path home;
    private static ConsoleBrowser browser;

    @LocalServerPort
    int port;

    GatewayClient gateway;

    @DynamicPropertySource
    static void home(DynamicPropertyRegistry registry) throws IOException {
        home = Files.createTempDirectory("gateway-console-it");
        registry.add("gateway.home", home::toString);
        registry.add("gateway.connectors.dir", () -> home.resolve("no-definitions").toString());
        registry.add("gateway.award.url", INTAKE::baseUrl);
    }

    @BeforeAll
    static void openBrowser() throws IOException {
        // the award system refuses every batch until the delivery journey fixes it
        INTAKE.replies(aResponse().withStatus(422).withHeader("Content-Type", "application/json")
                .withBody("{\"errors\": [{\"item\": 0, \"reason\": \"unknown policy console-test\"}]}"));
        browser = ConsoleBrowser.open(Files.createTempDirectory("console-chromium-profile"));
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
        INTAKE.close();
    }

    @BeforeEach
    void connect() {
        gateway = new GatewayClient(port);
    }

    private String console() {
        return "http://127.0.0.1:" + port + "/console";
    }

    @Test
    @Order(0)
    void thePagesAndTheirLibraryAreServedWithoutATokenUnderAPolicyThatRunsOnlyTheGatewaysScripts() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(console())).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<script type=\"module\" src=\"/console/app.js\"></script>");
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(policy -> assertThat(policy)
                .contains("script-src 'self';").contains("connect-src 'self';").doesNotContain("unsafe-eval"));
        HttpResponse<String> library = http.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/webjars/echarts/dist/echarts.esm.min.js")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(library.statusCode()).isEqualTo(200);
        assertThat(library.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).contains("javascript"));
        // the pages are open, the data behind them is not
        assertThat(gateway.get("/api/v1/connectors", null).status()).isEqualTo(401);
    }

    @Test
    @Order(1)
    void theAdministratorSignsInWithTheTokenAndPressingEnterAndSwitchesTheLanguage() {
        browser.get(console());
        browser.visible(By.id("token")).sendKeys("not-a-token", Keys.ENTER);
        assertThat(browser.text(By.id("sign-in-error"))).isEqualTo("令牌无效或无权访问控制台。");

        browser.signIn(console(), Tokens.ADMIN);
        assertThat(browser.text(By.id("nav-connectors"))).isEqualTo("连接器");
        assertThat(browser.driver().getCurrentUrl()).doesNotContain(Tokens.ADMIN);
        assertThat(browser.driver().manage().getCookies()).isEmpty();

        browser.click(By.id("language"));
        assertThat(browser.text(By.id("nav-connectors"))).isEqualTo("Connectors");
        assertThat(browser.text(By.id("nav-deliveries"))).isEqualTo("Deliveries");
        browser.click(By.id("language"));
        assertThat(browser.text(By.id("nav-connectors"))).isEqualTo("连接器");
        browser.screenshot("01-signed-in");
    }

    @Test
    @Order(2)
    void aConnectorWithAnUnknownMappingShowsItsProblemAtItsLineAndOnceFixedIsListed() {
        browser.get(console() + "#connectors");
        WebElement yaml = browser.visible(By.id("connector-yaml"));
        yaml.clear();
        yaml.sendKeys(definition("no-such-mapping"));
        browser.click(By.id("connector-save"));

        String problems = browser.text(By.id("connector-problems"));
        assertThat(problems).startsWith("第 3 行, mapping: ").contains("no-such-mapping");
        browser.screenshot("02-connector-problem");
        assertThat(gateway.get("/api/v1/connectors/" + INBOX_CONNECTOR, Tokens.ADMIN).status()).isEqualTo(404);

        yaml.clear();
        yaml.sendKeys(definition("standard-csv"));
        browser.click(By.id("connector-save"));
        browser.waitUntil(ExpectedConditions.textToBePresentInElementLocated(By.id("connectors-table"), INBOX_CONNECTOR));
        assertThat(browser.text(By.id("connector-outcome"))).isEqualTo("已保存: " + INBOX_CONNECTOR);
        browser.screenshot("03-connector-listed");
    }

    @Test
    @Order(3)
    void aFileWithRefusedRowsIsShownFailedWithEachRowAndItsReason() throws IOException {
        Path inbox = home.resolve("inbox").resolve(INBOX_CONNECTOR);
        Files.createDirectories(inbox);
        Files.writeString(inbox.resolve("中通-0301.csv"), "运单号,快递公司,揽收时间,揽收网点,目的地,重量(kg)\n"
                + "CONS0000000001,中通快递,2024-03-01 09:15:00,CJ-ZTO-01,440106,1.25\n"
                + "CONS0000000002,中通快递,2024-03-01 09:15:00,CJ-ZTO-01,广州市,1.25\n", StandardCharsets.UTF_8);
        await().atMost(Duration.ofSeconds(15))
                .until(() -> Files.exists(inbox.resolve("failed").resolve("中通-0301.csv.errors.csv")));

        browser.get(console() + "#connectors");
        browser.click(By.id("history-" + INBOX_CONNECTOR));
        browser.waitUntil(ExpectedConditions.textToBePresentInElementLocated(By.id("files-table"), "中通-0301.csv"));
        String files = browser.text(By.id("files-table"));
        assertThat(files).contains("failed")
                .contains("row 3: 目的地 '广州市' is neither a division code");
        browser.screenshot("04-file-rows-refused");
    }

    @Test
    @Order(4)
    void closingAYearInTheConsoleShowsItsAwardLineAndItsExplanation() {
        assertThat(gateway.putJson("/api/v1/registry/subjects", Tokens.ADMIN, CongjiangFixture.registryJson()).status())
                .isEqualTo(200);
        StringBuilder parcels = new StringBuilder("[");
        for (int i = 1; i <= 3; i++) {
            parcels.append(i > 1 ? "," : "").append("""
                {"kind": "shipment", "carrier": "ZTO", "waybillNo": "CONSOLE%08d", "collectedAt": "2024-0%d-10T10:00:00+08:00",
                 "originSite": "CJ-ZTO-01", "destRegion": "440106"}""".formatted(i, i + 2));
        }
        GatewayClient.Reply fed = gateway.postJson("/api/v1/feeds/standard/records", Tokens.FEEDER, parcels + "]");
        assertThat(fed.status()).as(fed.body()).isEqualTo(202);

        browser.get(console() + "#periods");
        browser.visible(By.id("period")).sendKeys("2024");
        browser.click(By.id("period-close"));
        String summary = browser.text(By.id("close-summary"));
        assertThat(summary).startsWith("2024 已结算：");
        browser.waitUntil(ExpectedConditions.textToBePresentInElementLocated(By.id("awards-table"), "ct-parcel"));
        browser.click(By.cssSelector("#awards-table button"));
        // the ZTO company earns 1.00 a parcel for the three fed here and the one the file journey's good row
        // brought: the line says how, and how the clause is read
        assertThat(browser.text(By.id("explanation-text"))).contains("4 × 1.00");
        assertThat(browser.text(By.id("explanation-card"))).contains("ct-parcel").contains("4.00");
        assertThat(browser.text(By.id("figures-table"))).contains(CongjiangFixture.ZTO_COMPANY).contains("PARCELS_OUTBOUND");
        browser.screenshot("05-award-explained");
    }

    @Test
    @Order(5)
    void aBatchTheAwardSystemRefusedIsShownWithItsReplyAndDeliveredOnceRetried() {
        JsonNode failed = await().atMost(Duration.ofSeconds(15)).until(
                () -> gateway.get("/api/v1/deliveries?status=FAILED", Tokens.ADMIN).json(), list -> list.size() > 0);
        String batch = failed.get(0).get("id").asText();

        browser.get(console() + "#deliveries");
        browser.waitUntil(ExpectedConditions.textToBePresentInElementLocated(By.id("deliveries-table"), "422"));
        assertThat(browser.text(By.id("deliveries-table"))).contains("unknown policy console-test").contains("FAILED");
        assertThat(browser.text(By.id("pushing-state"))).isNotBlank();
        browser.screenshot("06-delivery-failed");

        INTAKE.replies(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                .withBody("{\"accepted\": 1, \"duplicates\": 0}"));
        browser.click(By.id("retry-" + batch));
        browser.waitUntil(ExpectedConditions.textToBePresentInElementLocated(By.id("delivery-outcome"), batch));
        await().atMost(Duration.ofSeconds(15)).until(() -> status(batch).equals("DELIVERED"));

        new Select(browser.visible(By.id("delivery-status"))).selectByValue("DELIVERED");
        browser.click(By.id("deliveries-show"));
        browser.waitUntil(ExpectedConditions.textToBePresentInElementLocated(By.id("deliveries-table"), batch));
        browser.screenshot("07-delivery-retried");
    }

    @Test
    @Order(6)
    void theChartsAreDrawnFromTheBundledLibrary() {
        // monthly figures for the chart by month (the closes of the journeys before were of the year)
        for (String month : new String[] {"2024-03", "2024-04", "2024-05"}) {
            assertThat(gateway.postJson("/api/v1/periods/" + month + "/close", Tokens.ADMIN, "").status()).isEqualTo(200);
        }
        browser.get(console() + "#charts");
        WebElement year = browser.visible(By.id("chart-year"));
        year.clear();
        year.sendKeys("2024", Keys.ENTER);
        // ECharts draws on a canvas: one in every chart box once the library loaded from /webjars
        for (String chart : new String[] {"chart-months", "chart-carriers", "chart-towns", "chart-rules"}) {
            browser.visible(By.cssSelector("#" + chart + " canvas"));
        }
        browser.screenshot("08-charts");
    }

    @Test
    @Order(7)
    void theRegistryIsSearchedByTextTypeAndRegionAndASubjectOpensWithItsSites() {
        // the registry of the award journey (order 4)
        browser.get(console() + "#registry");
        browser.visible(By.id("registry-q")).sendKeys("从江");
        new Select(browser.visible(By.id("registry-type"))).selectByValue("EXPRESS_COMPANY");
        browser.visible(By.id("registry-region")).sendKeys("522633");
        browser.click(By.id("registry-search"));
        browser.waitUntil(ExpectedConditions.textToBePresentInElementLocated(By.id("registry-table"), "从江顺丰速运有限公司"));
        assertThat(browser.text(By.id("registry-total"))).startsWith("合计: 2");
        assertThat(browser.text(By.id("registry-table"))).contains("从江中通快递有限公司").doesNotContain("从江香禾茶叶店");

        browser.click(By.xpath("//table[@id='registry-table']//button[text()='" + CongjiangFixture.ZTO_COMPANY + "']"));
        browser.waitUntil(ExpectedConditions.textToBePresentInElementLocated(By.id("subject-sites"), "CJ-ZTO-01"));
        assertThat(browser.text(By.id("subject-detail"))).contains("从江中通快递有限公司").contains("快递企业").contains("ZTO");
        browser.screenshot("09-registry-search");
    }

    @Test
    @Order(9)
    void aMappingsSamplePickedWithTheKeyboardIsShownBesideWhatItMustGiveAndTriedAccepted() {
        browser.get(console() + "#mappings");
        browser.click(By.id("samples-taobao-trades"));
        browser.visible(By.id("sample-tmall-shop-b2c")).sendKeys(Keys.ENTER);
        assertThat(browser.text(By.id("try-expected"))).contains("tmall-shop-b2c").contains("从江香猪旗舰店");
        assertThat(browser.visible(By.id("try-input")).getAttribute("value")).contains("3719284756102942");
        assertThat(browser.visible(By.id("try-params")).getAttribute("value")).contains("platform=TMALL");

        browser.visible(By.id("try-run")).sendKeys(Keys.ENTER);
        browser.waitUntil(ExpectedConditions.textToBePresentInElementLocated(By.id("try-records"), "接收"));
        assertThat(browser.text(By.id("try-records"))).contains("\"platform\": \"TMALL\"").doesNotContain("拒收");
        browser.screenshot("11-mapping-sample-tried");
    }

    @Test
    @Order(10)
    void theReaderSeesFiguresAwardsAndChartsButNoAction() {
        browser.click(By.id("sign-out"));
        browser.signIn(console(), Tokens.READER);
        assertThat(browser.driver().findElements(By.cssSelector("#nav a")))
                .extracting(WebElement::getText).containsExactly("期间与奖补", "图表");
        browser.visible(By.id("period")).sendKeys("2024", Keys.ENTER);
        browser.waitUntil(ExpectedConditions.textToBePresentInElementLocated(By.id("awards-table"), "ct-parcel"));
        assertThat(browser.driver().findElements(By.id("period-close"))).isEmpty();
        browser.screenshot("10-reader");
    }

    private String status(String batch) {
        for (JsonNode delivery : gateway.get("/api/v1/deliveries", Tokens.ADMIN).json()) {
            if (delivery.get("id").asText().equals(batch)) {
                return delivery.get("status").asText();
            }
        }
        return "absent";
    }

    private static String definition(String mapping) {
        // typed into the text area as a person would: no indentation is added by the page
        return """
            id: %s
            type: file
            mapping: %s
            settings:
              quiet_period: 200ms
            """.formatted(INBOX_CONNECTOR, mapping);
    }
}
