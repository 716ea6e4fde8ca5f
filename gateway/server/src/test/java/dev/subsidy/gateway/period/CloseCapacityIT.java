package dev.subsidy.gateway.period;

import static org.assertj.core.api.Assertions.assertThat;

import dev.subsidy.gateway.support.GatewayClient;
import dev.subsidy.gateway.support.Tokens;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A period too large for the heap is closed a slice at a time once the close's read passes what fits: rolled back and
 * read again in slices, not an {@code OutOfMemoryError} after minutes; one whose orders alone are more than that is
 * refused, 503, nothing changed (such a close holds every order). Its own gateway: a close that
 * finds two records too many needs {@code gateway.close.bytes-per-record} far above the real one. That such a close
 * publishes what a close holding the period does is the end-to-end suite's to show ({@code SqliteSlicedCloseIT}).
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
@ExtendWith(OutputCaptureExtension.class)
class CloseCapacityIT {

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) throws IOException {
        Path home = Files.createTempDirectory("gateway-close-capacity");
        registry.add("gateway.home", home::toString);
    }

    @Test
    void aPeriodTooLargeForTheHeapIsClosedASliceAtATime(CapturedOutput output) {
        GatewayClient gateway = new GatewayClient(port);
        String body = """
                {"kind":"shipment","carrier":"ZTO","waybillNo":"78110000000001","collectedAt":"2026-10-03T08:00:00Z","originSite":"从江县城","destRegion":"440106","updatedAt":"2026-10-03T09:00:00Z"}
                {"kind":"shipment","carrier":"ZTO","waybillNo":"78110000000002","collectedAt":"2026-10-04T08:00:00Z","originSite":"从江县城","destRegion":"440106","updatedAt":"2026-10-04T09:00:00Z"}
                """;
        GatewayClient.Reply posted = gateway.send("POST", "/api/v1/feeds/standard/records", Tokens.FEEDER,
                "application/x-ndjson", body.getBytes(StandardCharsets.UTF_8));
        assertThat(posted.status()).as(posted.body()).isEqualTo(202);
        assertThat(posted.json().get("accepted").asInt()).isEqualTo(2);

        GatewayClient.Reply closed = gateway.send("POST", "/api/v1/periods/2026-10/close", Tokens.ADMIN, null, null);

        assertThat(closed.status()).as(closed.body()).isEqualTo(200);
        assertThat(closed.json().at("/shipments/SUSPECT").asInt() + closed.json().at("/shipments/VERIFIED").asInt()
                + closed.json().at("/shipments/REJECTED").asInt()).as(closed.body()).isEqualTo(2);
        // asked first how many parcels were collected in it: more than fit, so it is read in slices straight away
        assertThat(output.getOut()).contains("period 2026-10 has more parcels than the 0 records a close holds at once: "
                + "closing it a slice at a time").doesNotContain("period 2026-10 holds more than");
        GatewayClient.Reply progress = gateway.get("/api/v1/periods/2026-10/progress", Tokens.ADMIN);
        assertThat(progress.json().get("outcome").asText()).as(progress.body()).isEqualTo("CLOSED");
        // a close in slices still holds the period's orders: past what the heap holds of them, it is refused
        String order = """
                {"kind":"order","platform":"TAOBAO","orderId":"CAP-1","shopId":"tea-001","channel":"B2C","status":"COMPLETED","paidAt":"2026-09-03T10:00:00+08:00","amount":"12.00"}
                {"kind":"shipment","carrier":"ZTO","waybillNo":"78110000000003","collectedAt":"2026-09-04T08:00:00Z","originSite":"从江县城","destRegion":"440106","updatedAt":"2026-09-04T09:00:00Z"}
                """;
        assertThat(gateway.send("POST", "/api/v1/feeds/standard/records", Tokens.FEEDER, "application/x-ndjson",
                order.getBytes(StandardCharsets.UTF_8)).status()).isEqualTo(202);
        GatewayClient.Reply refused = gateway.send("POST", "/api/v1/periods/2026-09/close", Tokens.ADMIN, null, null);
        assertThat(refused.status()).as(refused.body()).isEqualTo(503);
        assertThat(refused.json().get("error").asText()).contains("period 2026-09 needs more than 0 orders",
                "-Xmx", "Nothing was changed");
        assertThat(gateway.get("/api/v1/figures?period=2026-09", Tokens.ADMIN).json()).isEmpty();
        // a parcel delivered in a period is not counted by that question (collected in July): the close's read finds it
        String delivered = """
                {"kind":"shipment","carrier":"ZTO","waybillNo":"78110000000004","collectedAt":"2026-07-30T08:00:00Z","deliveredAt":"2026-08-02T08:00:00Z","originSite":"从江县城","destRegion":"440106","updatedAt":"2026-08-02T09:00:00Z"}
                """;
        assertThat(gateway.send("POST", "/api/v1/feeds/standard/records", Tokens.FEEDER, "application/x-ndjson",
                delivered.getBytes(StandardCharsets.UTF_8)).status()).isEqualTo(202);
        GatewayClient.Reply august = gateway.send("POST", "/api/v1/periods/2026-08/close", Tokens.ADMIN, null, null);
        assertThat(august.status()).as(august.body()).isEqualTo(200);
        assertThat(output.getOut()).contains("period 2026-08 holds more than the 0 records a close holds at once: "
                + "closing it a slice at a time");
        // an empty period needs no heap: it still closes
        assertThat(gateway.send("POST", "/api/v1/periods/2019-01/close", Tokens.ADMIN, null, null).status())
                .isEqualTo(200);
    }
}
