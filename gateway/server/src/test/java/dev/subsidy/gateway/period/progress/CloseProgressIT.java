package dev.subsidy.gateway.period.progress;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.subsidy.gateway.support.GatewayClient;
import dev.subsidy.gateway.support.SharedGateway;
import dev.subsidy.gateway.support.Tokens;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** {@code GET /api/v1/periods/{period}/progress} over HTTP on the shared gateway. */
class CloseProgressIT extends SharedGateway {

    @LocalServerPort
    int port;

    @Test
    void aPeriodNotClosedSinceStartHasNoProgressAndABadPeriodIsRefused() {
        GatewayClient gateway = new GatewayClient(port);
        GatewayClient.Reply none = gateway.get("/api/v1/periods/2019-02/progress", Tokens.ADMIN);
        assertThat(none.status()).isEqualTo(404);
        assertThat(none.json().get("status").asInt()).isEqualTo(404);
        assertThat(none.json().get("error").asText()).contains("2019-02 has not been closed since the gateway started");

        GatewayClient.Reply bad = gateway.get("/api/v1/periods/2019-13/progress", Tokens.ADMIN);
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("error").asText()).isNotBlank();
        assertThat(gateway.get("/api/v1/periods/2019-02/progress", Tokens.READER).status()).isEqualTo(403);
    }

    @Test
    void aFinishedCloseShowsItsLastPhaseWhenItRanAndThatItClosed() {
        GatewayClient gateway = new GatewayClient(port);
        Instant before = Instant.now();
        GatewayClient.Reply closed = gateway.send("POST", "/api/v1/periods/2019-03/close", Tokens.ADMIN, null, null);
        assertThat(closed.status()).as(closed.body()).isEqualTo(200);

        GatewayClient.Reply reply = gateway.get("/api/v1/periods/2019-03/progress", Tokens.ADMIN);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        JsonNode progress = reply.json();
        assertThat(progress.get("period").asText()).isEqualTo("2019-03");
        assertThat(progress.get("phase").asText()).isEqualTo("queueing for the award system");
        assertThat(progress.get("done").asLong()).isEqualTo(progress.get("total").asLong());
        assertThat(progress.get("outcome").asText()).isEqualTo("CLOSED");
        Instant started = Instant.parse(progress.get("startedAt").asText());
        Instant finished = Instant.parse(progress.get("finishedAt").asText());
        assertThat(started).isAfterOrEqualTo(before.minusSeconds(1));
        assertThat(finished).isAfterOrEqualTo(started);
    }
}
