package dev.subsidy.gateway.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.subsidy.gateway.support.GatewayClient;
import dev.subsidy.gateway.support.SharedGateway;
import dev.subsidy.gateway.support.Tokens;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Readiness answers whether the gateway can take work (its database), not whether every connector
 * has polled yet: adding connectors, creating their inboxes, and replacing one never turns it 503.
 * A new inbox route first polls one tick (the shared gateway's 100 ms) after it starts: the window in
 * which readiness used to fall; the poller probes back to back, many times inside each of the seven.
 */
class ReadinessIT extends SharedGateway {

    private static final List<String> PROBES = List.of("/actuator/health/readiness", "/actuator/health");

    @LocalServerPort
    int port;

    @Test
    void readinessAndHealthStayUpWhileFileConnectorsAreAddedAndReplaced() {
        GatewayClient gateway = new GatewayClient(port);
        assertThat(gateway.get("/actuator/health/liveness", null).status()).isEqualTo(200);
        for (String probe : PROBES) {
            assertThat(gateway.get(probe, null).status()).as(probe).isEqualTo(200);
        }

        Poller poller = new Poller(port);
        CompletableFuture<Void> polling = CompletableFuture.runAsync(poller);
        try {
            for (int i = 0; i < 6; i++) {
                add(gateway, "ready-" + i, "1s");
            }
            add(gateway, "ready-0", "2s"); // replaced: its route is stopped, removed and added again
            // past the first poll of every new route, and then some
            await().during(Duration.ofMillis(2500)).atMost(Duration.ofSeconds(20))
                    .until(() -> gateway.get(PROBES.get(0), null).status() == 200);
        } finally {
            poller.stop.set(true);
            polling.join();
        }

        assertThat(poller.refusals).as("probes that did not answer 200").isEmpty();
        assertThat(poller.polls.get()).as("probes polled while the connectors came up").isGreaterThan(20);
        for (int i = 0; i < 6; i++) {
            assertThat(home().resolve("inbox/ready-" + i + "/done")).isDirectory();
            assertThat(gateway.get("/api/v1/connectors/ready-" + i, Tokens.ADMIN).json().get("state").asText())
                    .isEqualTo("IDLE");
        }
    }

    private static void add(GatewayClient gateway, String id, String quietPeriod) {
        String definition = """
            id: %s
            type: file
            mapping: standard-csv
            settings:
              quiet_period: %s
            """.formatted(id, quietPeriod);
        GatewayClient.Reply reply = gateway.send("POST", "/api/v1/connectors", Tokens.ADMIN, "application/yaml",
                definition.getBytes(StandardCharsets.UTF_8));
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    }

    /** Polls the probes back to back until stopped, keeping every answer that was not 200. */
    private static final class Poller implements Runnable {

        final AtomicBoolean stop = new AtomicBoolean();
        final AtomicInteger polls = new AtomicInteger();
        final ConcurrentLinkedQueue<String> refusals = new ConcurrentLinkedQueue<>();
        private final GatewayClient client;

        Poller(int port) {
            this.client = new GatewayClient(port);
        }

        @Override
        public void run() {
            while (!stop.get()) {
                for (String probe : PROBES) {
                    GatewayClient.Reply reply = client.get(probe, null);
                    polls.incrementAndGet();
                    if (reply.status() != 200) {
                        refusals.add(probe + " answered " + reply.status() + " " + reply.body());
                    }
                }
            }
        }
    }
}
