package dev.subsidy.gateway.logging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.subsidy.gateway.GatewayApplication;
import dev.subsidy.gateway.support.GatewayClient;
import dev.subsidy.gateway.support.Tokens;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The gateway started as an operator starts it, in its own JVM (logging is set up once per process,
 * and JSON lines must not leak into other tests' output), with {@code gateway.logging.json=true}:
 * it writes {@code gateway.home/logs/gateway.log}, one JSON object a line, and the lines of a feed post
 * carry its connector and batch, the lines of a close its period.
 */
class JsonLogsIT {

    private final ObjectMapper json = new ObjectMapper();
    private Process gateway;

    @AfterEach
    void stop() throws InterruptedException {
        if (gateway != null) {
            gateway.destroy();
            if (!gateway.waitFor(30, TimeUnit.SECONDS)) {
                gateway.destroyForcibly();
            }
        }
    }

    @Test
    void theLogFileUnderHomeHoldsJsonLinesWithConnectorBatchAndPeriod() throws Exception {
        Path home = Files.createTempDirectory("gateway-json-logs");
        int port = freePort();
        Path console = home.resolve("console.out");
        gateway = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), GatewayApplication.class.getName(),
                "--server.port=" + port, "--gateway.home=" + home, "--gateway.logging.json=true",
                "--gateway.jurisdiction.name=从江县", "--gateway.jurisdiction.regions=522633",
                "--gateway.security.admin-token=" + Tokens.ADMIN,
                "--gateway.connectors.dir=" + home.resolve("no-definitions"))
                .redirectErrorStream(true).redirectOutput(console.toFile()).start();
        Path logFile = home.resolve("logs/gateway.log");
        GatewayClient client = new GatewayClient(port);
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500)).until(() -> {
            assertThat(gateway.isAlive()).as("the gateway runs: %s", tail(console)).isTrue();
            return Files.exists(logFile) && Files.readString(logFile).contains("Started");
        });

        GatewayClient.Reply fed = client.postJson("/api/v1/feeds/standard/records", Tokens.ADMIN, """
            [{"kind": "shipment", "carrier": "ZTO", "waybillNo": "LOGS000000001", "collectedAt": "2026-10-03T18:00:00+08:00",
              "originRegion": "522633100", "destRegion": "440106"}]""");
        assertThat(fed.status()).as(fed.body()).isEqualTo(202);
        GatewayClient.Reply closed = client.send("POST", "/api/v1/periods/2026-10/close", Tokens.ADMIN, null, null);
        assertThat(closed.status()).as(closed.body()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            List<JsonNode> lines = jsonLines(logFile);
            assertThat(lines).anySatisfy(line -> {
                assertThat(line.path("message").asText()).contains("feed standard: batch");
                assertThat(line.path("connector").asText()).isEqualTo("standard");
                assertThat(line.path("batch").asText()).startsWith("in-");
            });
            assertThat(lines).anySatisfy(line -> {
                assertThat(line.path("message").asText()).contains("closed 2026-10");
                assertThat(line.path("period").asText()).isEqualTo("2026-10");
            });
        });
        assertThat(Files.readString(logFile)).doesNotContain(Tokens.ADMIN);
    }

    /** Every line of the file, each of which must be one JSON object. */
    private List<JsonNode> jsonLines(Path file) throws IOException {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (!line.isBlank()) {
                JsonNode parsed = json.readTree(line);
                assertThat(parsed.isObject()).as(line).isTrue();
                lines.add(parsed);
            }
        }
        return lines;
    }

    private static String tail(Path file) {
        try {
            String text = Files.exists(file) ? Files.readString(file) : "";
            return text.substring(Math.max(0, text.length() - 3000));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
