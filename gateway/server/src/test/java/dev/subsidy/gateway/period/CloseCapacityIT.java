package dev.subsidy.gateway.period;

import static org.assertj.core.api.Assertions.assertThat;

import dev.subsidy.gateway.support.GatewayClient;
import dev.subsidy.gateway.support.Tokens;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A period too large for the heap is refused once the close's read passes what fits: 503 with what it needs,
 * nothing published, the progress view saying why — not an {@code OutOfMemoryError} after minutes. Its own
 * gateway: a close refused for two records needs {@code gateway.close.bytes-per-record} far above the real one.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "gateway.jurisdiction.name=从江县",
    "gateway.jurisdiction.regions=522633",
    "gateway.security.admin-token=" + Tokens.ADMIN,
    "gateway.security.feeder-tokens.standard=" + Tokens.FEEDER,
    // a terabyte a record: any record is more than any heap
    "gateway.close.bytes-per-record=1000000000000"
})
@DirtiesContext
class CloseCapacityIT {

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) throws IOException {
        Path home = Files.createTempDirectory("gateway-close-capacity");
        registry.add("gateway.home", home::toString);
    }

    @Test
    void aPeriodTooLargeForTheHeapIsRefusedWith503BeforeAnythingChanges() {
        GatewayClient gateway = new GatewayClient(port);
        String body = """
                {"kind":"shipment","carrier":"ZTO","waybillNo":"78110000000001","collectedAt":"2026-10-03T08:00:00Z","originSite":"从江县城","destRegion":"440106","updatedAt":"2026-10-03T09:00:00Z"}
                {"kind":"shipment","carrier":"ZTO","waybillNo":"78110000000002","collectedAt":"2026-10-04T08:00:00Z","originSite":"从江县城","destRegion":"440106","updatedAt":"2026-10-04T09:00:00Z"}
                """;
        GatewayClient.Reply posted = gateway.send("POST", "/api/v1/feeds/standard/records", Tokens.FEEDER,
                "application/x-ndjson", body.getBytes(StandardCharsets.UTF_8));
        assertThat(posted.status()).as(posted.body()).isEqualTo(202);
        assertThat(posted.json().get("accepted").asInt()).isEqualTo(2);

        GatewayClient.Reply refused = gateway.send("POST", "/api/v1/periods/2026-10/close", Tokens.ADMIN, null, null);

        assertThat(refused.status()).as(refused.body()).isEqualTo(503);
        assertThat(refused.json().get("error").asText()).contains("period 2026-10 holds 2 records", "-Xmx",
                "nothing was changed");
        GatewayClient.Reply progress = gateway.get("/api/v1/periods/2026-10/progress", Tokens.ADMIN);
        assertThat(progress.json().get("outcome").asText()).startsWith("FAILED: period 2026-10 holds 2 records");
        GatewayClient.Reply figures = gateway.get("/api/v1/figures?period=2026-10", Tokens.ADMIN);
        assertThat(figures.status()).as(figures.body()).isEqualTo(200);
        assertThat(figures.json()).as(figures.body()).isEmpty();
        // an empty period needs no heap: it still closes
        assertThat(gateway.send("POST", "/api/v1/periods/2019-01/close", Tokens.ADMIN, null, null).status())
                .isEqualTo(200);
    }
}
