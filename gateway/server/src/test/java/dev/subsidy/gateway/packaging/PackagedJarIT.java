package dev.subsidy.gateway.packaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The production jar as an operator runs it ({@code java -jar subsidy-gateway.jar}), not the test
 * classpath every other IT runs on: a dependency Maven narrowed to test scope (a test-scoped declaration
 * of something a starter needs at runtime) passes every other test and leaves the jar unable to start.
 * Failsafe runs after {@code package}, so the jar is the one this build made.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PackagedJarIT {

    static final String ADMIN = "packaged-jar-admin-token-0001";

    Process gateway;
    Path home;
    Path log;
    URI base;
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    void startTheJar() throws IOException {
        Path jar = Path.of("target", "subsidy-gateway.jar");
        assertThat(jar).as("the boot jar of this build").exists();
        home = Files.createTempDirectory("packaged-jar");
        log = home.resolve("stdout.log");
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        base = URI.create("http://127.0.0.1:" + port);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        gateway = new ProcessBuilder(List.of(java, "-Xmx512m", "-jar", jar.toAbsolutePath().toString(),
                "--server.port=" + port, "--server.address=127.0.0.1", "--gateway.home=" + home,
                "--gateway.jurisdiction.name=从江县", "--gateway.jurisdiction.regions=522633",
                "--gateway.security.admin-token=" + ADMIN))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    @AfterAll
    void stop() throws InterruptedException {
        if (gateway != null) {
            gateway.destroy();
            if (!gateway.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                gateway.destroyForcibly();
            }
        }
    }

    @Test
    void theJarStartsServesItsConsoleAndStoresAFeed() throws Exception {
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500))
                .ignoreExceptionsInstanceOf(IOException.class).untilAsserted(() -> {
            assertThat(gateway.isAlive()).as("the jar exited: %s", tail()).isTrue();
            assertThat(get("/actuator/health/readiness").statusCode()).isEqualTo(200);
        });
        assertThat(get("/actuator/health").body()).contains("\"UP\"");
        assertThat(get("/console/").statusCode()).isEqualTo(200);
        // resources found by pattern inside the nested jar, not a classes folder: the shipped mapping samples
        HttpResponse<String> samples = http.send(HttpRequest.newBuilder(base.resolve("/api/v1/mappings/taobao-trades/samples"))
                .header("Authorization", "Bearer " + ADMIN).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(samples.statusCode()).as(samples.body()).isEqualTo(200);
        assertThat(samples.body()).contains("\"case\":\"tmall-shop-b2c\"");

        HttpResponse<String> fed = http.send(HttpRequest.newBuilder(base.resolve("/api/v1/feeds/standard/records"))
                .header("Authorization", "Bearer " + ADMIN).header("Content-Type", "application/x-ndjson")
                .POST(HttpRequest.BodyPublishers.ofString("{\"kind\":\"shipment\",\"carrier\":\"ZTO\",\"waybillNo\":"
                        + "\"PKG000000001\",\"collectedAt\":\"2026-10-03T10:00:00+08:00\",\"originRegion\":\"522633\","
                        + "\"destRegion\":\"440106\"}\n", StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(fed.statusCode()).as(fed.body()).isEqualTo(202);
        assertThat(fed.body()).contains("\"accepted\":1");

        // the intake warmed up before the jar said it was ready, storing made-up records in transactions it rolled back:
        // the 60,000 it is set to, then rounds of 40,000 until the compilers caught up or its limit ran out
        Matcher warmedUp = Pattern.compile("intake warmed up: (\\d+) made-up records read, checked and stored in \\d+ ms, "
                + "every body rolled back; the compilers (had caught up after|were still busy when "
                + "gateway.feeds.warm-up-limit \\(30s\\) ran out, after) (\\d+) rounds? of 4 bodies").matcher(Files.readString(log));
        assertThat(warmedUp.find()).as("the warm-up's line in %s", tail()).isTrue();
        assertThat(Integer.parseInt(warmedUp.group(1))).isEqualTo(60_000 + Integer.parseInt(warmedUp.group(3)) * 40_000);
        HttpResponse<String> madeUp = http.send(HttpRequest.newBuilder(base.resolve("/api/v1/records/shipment/ZTO:73000000000001"))
                .header("Authorization", "Bearer " + ADMIN).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(madeUp.statusCode()).as(madeUp.body()).isEqualTo(404);
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(10)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private String tail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }
}
