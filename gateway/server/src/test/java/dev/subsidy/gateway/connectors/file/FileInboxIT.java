package dev.subsidy.gateway.connectors.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.subsidy.gateway.support.GatewayClient;
import dev.subsidy.gateway.support.SharedGateway;
import dev.subsidy.gateway.support.Tokens;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * File connectors end to end on SQLite: the inbox folder, files still being written, rows refused
 * with their report, unreadable files, a failed transaction retried with backoff, pause, and
 * mappings added through the API and used without a restart. The operator's mappings folder holds one
 * that does not compile ({@link SharedGateway#BROKEN_MAPPING}, there before the gateway started): the
 * gateway runs, lists it with its problem, and refuses a definition that names it.
 */
class FileInboxIT extends SharedGateway {

    static final Charset GBK = Charset.forName("GBK");
    static final String HEADER = "运单号,快递公司,揽收时间,揽收网点,目的地,重量(kg)\n";

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    GatewayClient gateway;

    @BeforeEach
    void connect() {
        gateway = new GatewayClient(port);
    }

    static String definition(String id, String quietPeriod) {
        return """
            id: %s
            type: file
            mapping: standard-csv
            settings:
              quiet_period: %s
            """.formatted(id, quietPeriod);
    }

    static String row(String waybill, String destination) {
        return waybill + ",中通快递,2026-03-01 09:15:00,CJ-ZTO-01," + destination + ",1.25\n";
    }

    // ---- files being written ----

    @Test
    void aFileStillBeingWrittenIsNeverTakenAndIsReadWholeOnceItStopsChanging() throws IOException {
        add(definition("it-growing", "2s"));
        Path file = inbox("it-growing").resolve("export.csv");
        Files.writeString(file, HEADER + row("GROW0000000001", "440106"), StandardCharsets.UTF_8);
        for (int n = 2; n <= 5; n++) {
            // well inside the quiet period: the file keeps changing, and must stay where it is
            await().during(Duration.ofMillis(400)).atMost(Duration.ofSeconds(2))
                    .until(() -> Files.exists(file) && listing(inbox("it-growing").resolve("done")).isEmpty());
            Files.writeString(file, row("GROW000000000" + n, "440106"), StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        }
        await().atMost(Duration.ofSeconds(15)).until(() -> Files.exists(inbox("it-growing").resolve("done/export.csv")));

        assertThat(file).doesNotExist();
        assertThat(shipments("GROW%")).isEqualTo(5);
        JsonNode view = connector("it-growing");
        assertThat(view.get("kind").asText()).isEqualTo("FILE");
        assertThat(view.get("state").asText()).isEqualTo("IDLE");
        assertThat(view.get("recordsIn").asLong()).isEqualTo(5);
        assertThat(view.get("accepted").asLong()).isEqualTo(5);
        assertThat(listing(inbox("it-growing").resolve("failed"))).isEmpty();
    }

    @Test
    void aCopyNamedPartIsNotReadUntilItIsRenamed() throws IOException {
        add(definition("it-part", "200ms"));
        Path part = inbox("it-part").resolve("export.csv.part");
        Files.writeString(part, HEADER + row("PART0000000001", "440106"), StandardCharsets.UTF_8);
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() -> Files.exists(part));

        Files.move(part, part.resolveSibling("export.csv"));
        await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(inbox("it-part").resolve("done/export.csv")));
        assertThat(shipments("PART%")).isOne();
    }

    // ---- outcomes ----

    @Test
    void refusedRowsSendTheFileToFailedWithAReportTheOtherRowsAreKeptAndANameIsNeverOverwritten() throws IOException {
        add(definition("it-rows", "200ms"));
        byte[] export = (HEADER
                + row("ROWS0000000001", "440106")
                + row("ROWS0000000002", "广州市")
                + row("", "440106")
                + "ROWS0000000004,中通快递,2026-03-01 09:15:00\n").getBytes(GBK);
        Files.write(inbox("it-rows").resolve("中通-0301.csv"), export);

        Path failed = inbox("it-rows").resolve("failed");
        await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(failed.resolve("中通-0301.csv.errors.csv")));
        assertThat(failed.resolve("中通-0301.csv")).hasBinaryContent(export);
        byte[] report = Files.readAllBytes(failed.resolve("中通-0301.csv.errors.csv"));
        assertThat(report).startsWith(0xEF, 0xBB, 0xBF);
        assertThat(new String(report, StandardCharsets.UTF_8).substring(1).split("\r\n")).containsExactly(
                "position,reason",
                "row 3,\"目的地 '广州市' is neither a division code (6, 9 or 12 digits) nor a two-letter country code "
                        + "(mapping standard-csv)\"",
                "row 4,empty: 运单号 (mapping standard-csv)",
                "row 5,\"row has 3 cells, the header has 6\"");
        assertThat(shipments("ROWS%")).isOne();
        assertThat(gateway.get("/api/v1/records/shipment/ZTO:ROWS0000000001", Tokens.ADMIN).json().get("connector").asText())
                .isEqualTo("it-rows");

        // the same export again: its good row is a duplicate, the file gets a name of its own
        Files.write(inbox("it-rows").resolve("中通-0301.csv"), export);
        await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(failed.resolve("中通-0301-2.csv.errors.csv")));
        assertThat(failed.resolve("中通-0301.csv")).hasBinaryContent(export);
        JsonNode view = connector("it-rows");
        assertThat(view.get("recordsIn").asLong()).isEqualTo(8);
        assertThat(view.get("accepted").asLong()).isOne();
        assertThat(view.get("duplicates").asLong()).isOne();
        assertThat(view.get("rejected").asLong()).isEqualTo(6);
        assertThat(view.get("state").asText()).isEqualTo("IDLE");
    }

    @Test
    void aFileThatCannotBeReadGoesToFailedWithItsReasonAndAFileOfAnotherKindStaysWhereItIs() throws IOException {
        add(definition("it-unreadable", "200ms"));
        Files.writeString(inbox("it-unreadable").resolve("empty.csv"), "\n\n");
        Files.writeString(inbox("it-unreadable").resolve("photo.jpg"), "not an export");

        Path failed = inbox("it-unreadable").resolve("failed");
        await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(failed.resolve("empty.csv.errors.csv")));
        assertThat(failed.resolve("empty.csv")).exists();
        assertThat(Files.readString(failed.resolve("empty.csv.errors.csv"), StandardCharsets.UTF_8))
                .isEqualTo("\uFEFFposition,reason\r\nfile,BAD_PAYLOAD: the file has no header row (expected at row 1 or after)\r\n");
        // the run's error is recorded after the file is moved: asked until it is there
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonNode view = connector("it-unreadable");
            assertThat(view.get("state").asText()).isEqualTo("IDLE");
            assertThat(view.get("lastError")).isNotNull();
            assertThat(view.get("lastError").asText())
                    .startsWith("empty.csv cannot be read: BAD_PAYLOAD: the file has no header row");
        });
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2))
                .until(() -> Files.exists(inbox("it-unreadable").resolve("photo.jpg")));
    }

    // ---- failures and pause ----

    @Test
    void aFileWhoseTransactionFailsStaysInTheInboxWhileTheConnectorIsFailingAndIsTakenOnRecovery() throws IOException {
        add(definition("it-tx", "200ms"));
        jdbc.execute("CREATE TRIGGER it_tx_batch BEFORE INSERT ON intake_batch WHEN NEW.connector_id = 'it-tx' "
                + "BEGIN SELECT RAISE(ABORT, 'disk full (test)'); END");
        Path file = inbox("it-tx").resolve("export.csv");
        try {
            Files.writeString(file, HEADER + row("TXTX0000000001", "440106"), StandardCharsets.UTF_8);
            await().atMost(Duration.ofSeconds(10)).until(() -> connector("it-tx").get("failures").asInt() >= 2);
            JsonNode failing = connector("it-tx");
            assertThat(failing.get("state").asText()).isEqualTo("FAILING");
            assertThat(failing.get("lastError").asText()).startsWith("export.csv: ").contains("disk full (test)");
            assertThat(file).exists();
            assertThat(shipments("TXTX%")).isZero();
            assertThat(failing.hasNonNull("nextRunAt")).isTrue();
        } finally {
            jdbc.execute("DROP TRIGGER it_tx_batch");
        }
        // run now ends the backoff: the file is taken at the next listing
        assertThat(post("/api/v1/connectors/it-tx/run").status()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(inbox("it-tx").resolve("done/export.csv")));
        assertThat(shipments("TXTX%")).isOne();
        assertThat(connector("it-tx").get("state").asText()).isEqualTo("IDLE");
        assertThat(connector("it-tx").get("failures").asInt()).isZero();
        assertThat(connector("it-tx").has("nextRunAt")).isFalse();
    }

    @Test
    void aPausedConnectorLeavesItsFilesUntilResumed() throws IOException {
        add(definition("it-paused", "200ms"));
        assertThat(post("/api/v1/connectors/it-paused/pause").json().get("state").asText()).isEqualTo("PAUSED");
        Path file = inbox("it-paused").resolve("export.csv");
        Files.writeString(file, HEADER + row("PAUS0000000001", "440106"), StandardCharsets.UTF_8);
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() -> Files.exists(file));

        assertThat(post("/api/v1/connectors/it-paused/resume").json().get("state").asText()).isEqualTo("IDLE");
        await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(inbox("it-paused").resolve("done/export.csv")));
        assertThat(shipments("PAUS%")).isOne();
    }

    // ---- mappings ----

    @Test
    void aMappingPutThroughTheApiServesAtOnceAndReplacesWithoutRestartWhileOneThatDoesNotCompileIsRefused() throws IOException {
        GatewayClient.Reply broken = put("/api/v1/mappings/it-carrier", "{\n  \"kind\": \"shipment\",\n  \"carrier\": $params.carrier +\n}\n");
        assertThat(broken.status()).isEqualTo(400);
        assertThat(broken.json().get("line").asInt()).isEqualTo(4);
        assertThat(broken.json().get("column").asInt()).isEqualTo(1);
        assertThat(broken.json().get("error").asText()).startsWith("mapping 'it-carrier' does not compile: line 4, column 1: ");
        assertThat(home().resolve("mappings/it-carrier.jslt")).doesNotExist();

        String mapping = """
            {"kind": "shipment", "carrier": $params.carrier, "waybillNo": get-key(., "运单号"),
             "collectedAt": china-time-to-iso(get-key(., "揽收时间")), "originSite": "CJ-01", "destRegion": "440106"}
            """;
        GatewayClient.Reply added = put("/api/v1/mappings/it-carrier", mapping);
        assertThat(added.status()).as(added.body()).isEqualTo(200);
        assertThat(added.json().get("source").asText()).isEqualTo("api");
        assertThat(home().resolve("mappings/it-carrier.jslt")).hasContent(mapping);

        add("""
            id: it-mapped
            type: file
            mapping: it-carrier
            mappingParams: {carrier: STO}
            settings: {quiet_period: 200ms}
            """);
        Files.writeString(inbox("it-mapped").resolve("a.csv"), "运单号,揽收时间\nMAPD0000000001,2026-03-01 09:15:00\n");
        await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(inbox("it-mapped").resolve("done/a.csv")));
        assertThat(gateway.get("/api/v1/records/shipment/STO:MAPD0000000001", Tokens.ADMIN).status()).isEqualTo(200);

        // replaced: the running connector maps its next file with the new text, no restart
        assertThat(put("/api/v1/mappings/it-carrier", mapping.replace("$params.carrier", "\"JT\"")).status()).isEqualTo(200);
        Files.writeString(inbox("it-mapped").resolve("b.csv"), "运单号,揽收时间\nMAPD0000000002,2026-03-01 09:15:00\n");
        await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(inbox("it-mapped").resolve("done/b.csv")));
        assertThat(gateway.get("/api/v1/records/shipment/JT:MAPD0000000002", Tokens.ADMIN).status()).isEqualTo(200);

        JsonNode list = gateway.get("/api/v1/mappings", Tokens.ADMIN).json();
        List<String> rows = new ArrayList<>();
        list.forEach(m -> rows.add(m.get("name").asText() + " " + m.get("source").asText()));
        assertThat(rows).contains("standard identity", "standard-csv built-in", "it-carrier api", BROKEN_MAPPING + " folder");
        list.forEach(m -> {
            if (m.get("name").asText().equals(BROKEN_MAPPING)) {
                assertThat(m.at("/problem/line").asInt()).isEqualTo(4);
            }
        });
    }

    @Test
    void aDefinitionNamingAMappingThatDoesNotCompileIsRefusedWithItsLine() {
        GatewayClient.Reply reply = gateway.send("POST", "/api/v1/connectors/validate", Tokens.ADMIN, "application/yaml", """
            id: it-broken
            type: file
            mapping: broken
            schedule: 1h
            """.getBytes(StandardCharsets.UTF_8));
        List<String> problems = new ArrayList<>();
        reply.json().get("problems").forEach(p -> problems.add(p.get("field").asText() + ": " + p.get("message").asText()));
        assertThat(problems).hasSize(2);
        assertThat(problems.get(0)).startsWith("mapping: mapping 'broken' does not compile: ")
                .contains("broken.jslt:4:1: ");
        assertThat(problems.get(1)).isEqualTo("schedule: a file connector has no schedule: it reads each file once it "
                + "is complete (settings.quiet_period)");
    }

    // ---- helpers ----

    private void add(String yaml) {
        GatewayClient.Reply added = gateway.send("POST", "/api/v1/connectors", Tokens.ADMIN, "application/yaml",
                yaml.getBytes(StandardCharsets.UTF_8));
        assertThat(added.status()).as(added.body()).isEqualTo(200);
    }

    private GatewayClient.Reply post(String path) {
        return gateway.send("POST", path, Tokens.ADMIN, null, null);
    }

    private GatewayClient.Reply put(String path, String text) {
        return gateway.send("PUT", path, Tokens.ADMIN, "text/plain; charset=UTF-8", text.getBytes(StandardCharsets.UTF_8));
    }

    private static Path inbox(String id) {
        return home().resolve("inbox").resolve(id);
    }

    private static List<Path> listing(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.toList();
        }
    }

    private JsonNode connector(String id) {
        GatewayClient.Reply reply = gateway.get("/api/v1/connectors/" + id, Tokens.ADMIN);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.json();
    }

    private int shipments(String waybillLike) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM shipment WHERE waybill_no LIKE ?", Integer.class, waybillLike);
    }
}
