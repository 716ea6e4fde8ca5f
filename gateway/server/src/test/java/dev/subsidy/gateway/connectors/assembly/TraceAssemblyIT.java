package dev.subsidy.gateway.connectors.assembly;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.subsidy.gateway.support.GatewayClient;
import dev.subsidy.gateway.support.SharedGateway;
import dev.subsidy.gateway.support.Tokens;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Trace assembly end to end over HTTP, on SQLite: ZTO pushes one scan per call to a trace-push
 * connector with {@code assembly}, signed as ZTO signs (computed here with MessageDigest), mapped by
 * the shipped zto-trace-push mapping. A lone collection scan waits (no record, no rejection, the
 * reply says so), the sign scan completes the shipment, a scan arriving late makes a newer version,
 * an event pushed twice adds nothing, and a crash in the intake's transaction keeps no event.
 */
class TraceAssemblyIT extends SharedGateway {

    static final String SECRET = ENVIRONMENT.get("IT_ZTO_SECRET");
    static final String FEEDER = ENVIRONMENT.get("IT_ZTO_FEEDER");
    static final String CONNECTOR = "it-zto-assembly";

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    GatewayClient gateway;
    final HttpClient http = HttpClient.newHttpClient();
    final ObjectMapper json = new ObjectMapper();

    @BeforeEach
    void connector() {
        gateway = new GatewayClient(port);
        GatewayClient.Reply added = gateway.send("POST", "/api/v1/connectors", Tokens.ADMIN, "application/yaml", """
            id: %s
            type: trace-push
            mapping: zto-trace-push
            feederTokenEnv: IT_ZTO_FEEDER
            assembly:
              events: /data
              waybill: /billCode
            settings:
              carrier: zto
              verify_secret: ${env:IT_ZTO_SECRET}
            """.formatted(CONNECTOR).getBytes(StandardCharsets.UTF_8));
        assertThat(added.status()).as(added.body()).isEqualTo(200);
    }

    record Push(int status, String body, HttpResponse<String> response) {
        List<String> header(String name) {
            return response.headers().allValues(name);
        }
    }

    static String event(String bill, String action, String time, String city, String site) {
        return """
            {"billCode": "%s", "action": "%s", "actionTime": "%s", "city": "%s", "facilityCode": "%s"}"""
                .formatted(bill, action, time, city, site);
    }

    static String got(String bill) {
        return event(bill, "GOT", "2026-10-01 10:00:00", "黔东南苗族侗族自治州", "CJ-ZTO-01");
    }

    static String departure(String bill) {
        return event(bill, "DEPARTURE", "2026-10-01 20:00:00", "黔东南苗族侗族自治州", "CJ-ZTO-01");
    }

    static String signed(String bill) {
        return event(bill, "SIGNED", "2026-10-03 15:00:00", "广州市", "GZ-ZTO-05");
    }

    /** One ZTO push of these events, signed as ZTO signs: x-dataDigest = Base64(MD5(body + secret)). */
    Push push(String... events) throws Exception {
        byte[] body = ("{\"data\": [" + String.join(", ", events) + "]}").getBytes(StandardCharsets.UTF_8);
        MessageDigest md5 = MessageDigest.getInstance("MD5");
        md5.update(body);
        md5.update(SECRET.getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/feeds/" + CONNECTOR + "/records"))
                .header("Authorization", "Bearer " + FEEDER)
                .header("Content-Type", "application/json; charset=UTF-8")
                .header("x-dataDigest", Base64.getEncoder().encodeToString(md5.digest()))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return new Push(response.statusCode(), response.body(), response);
    }

    int events(String bill) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM trace_event WHERE connector_id = ? AND waybill_no = ?", Integer.class,
                CONNECTOR, bill);
    }

    Map<String, Object> shipment(String bill) {
        List<Map<String, Object>> rows = jdbc.queryForList("SELECT * FROM shipment WHERE natural_key = ?", "ZTO:" + bill);
        return rows.isEmpty() ? null : rows.get(0);
    }

    int rejected(String bill) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM rejected_record WHERE connector_id = ? AND reason LIKE ?", Integer.class,
                CONNECTOR, "%" + bill + "%");
    }

    static long epoch(String iso) {
        return OffsetDateTime.parse(iso).toInstant().toEpochMilli();
    }

    @Test
    void perEventPushesOutOfOrderBecomeOneShipmentAndAnEventPushedTwiceAddsNothing() throws Exception {
        String bill = "75310000000001";

        Push first = push(got(bill));
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(json.readTree(first.body()).get("statusCode").asText()).as("ZTO's own acknowledgement").isEqualTo("0000");
        assertThat(first.header("X-Intake-Accepted")).containsExactly("0");
        assertThat(first.header("X-Intake-Rejected")).containsExactly("0");
        assertThat(first.header("X-Intake-Assembling")).containsExactly("1");
        assertThat(first.header("X-Intake-Waiting"))
                .containsExactly("waybill " + bill + ": assembling, 1 event kept, waiting for a scan with a destination");
        assertThat(shipment(bill)).isNull();
        assertThat(rejected(bill)).as("waiting is not a rejection").isZero();
        assertThat(events(bill)).isOne();

        // ZTO resends the collection scan (a time-out on its side): nothing new
        Push again = push(got(bill));
        assertThat(again.header("X-Intake-Waiting")).containsExactly(
                "waybill " + bill + ": assembling, 1 event kept, waiting for a scan with a destination");
        assertThat(events(bill)).isOne();

        // the sign scan arrives before the departure scan
        Push sign = push(signed(bill));
        assertThat(sign.status()).isEqualTo(200);
        assertThat(sign.header("X-Intake-Accepted")).containsExactly("1");
        assertThat(sign.header("X-Intake-Assembling")).isEmpty();
        Map<String, Object> s = shipment(bill);
        assertThat(s).isNotNull();
        assertThat(((Number) s.get("collected_at")).longValue()).isEqualTo(epoch("2026-10-01T10:00:00+08:00"));
        assertThat(((Number) s.get("delivered_at")).longValue()).isEqualTo(epoch("2026-10-03T15:00:00+08:00"));
        assertThat(s.get("origin_site")).isEqualTo("CJ-ZTO-01");
        assertThat(s.get("dest_region")).isEqualTo("440100");
        assertThat(s.get("delivery_site")).isEqualTo("GZ-ZTO-05");
        assertThat(((Number) s.get("trace_events")).intValue()).isEqualTo(2);
        assertThat(s.get("connector_id")).isEqualTo(CONNECTOR);
        assertThat(events(bill)).isEqualTo(2);

        // the departure scan, late: the same shipment, a newer version counting all three events
        Push late = push(departure(bill));
        assertThat(late.header("X-Intake-Accepted")).containsExactly("1");
        s = shipment(bill);
        assertThat(((Number) s.get("trace_events")).intValue()).isEqualTo(3);
        assertThat(((Number) s.get("versions")).intValue()).isEqualTo(2);
        assertThat(((Number) s.get("version")).intValue()).as("the version with every event is current").isEqualTo(2);
        assertThat(((Number) s.get("delivered_at")).longValue()).isEqualTo(epoch("2026-10-03T15:00:00+08:00"));
        assertThat(s.get("dest_region")).isEqualTo("440100");
        assertThat(events(bill)).isEqualTo(3);

        // the same scan pushed again adds nothing: no event, no version, a duplicate
        Push twice = push(departure(bill));
        assertThat(twice.header("X-Intake-Accepted")).containsExactly("0");
        assertThat(twice.header("X-Intake-Duplicates")).containsExactly("1");
        assertThat(events(bill)).isEqualTo(3);
        assertThat(((Number) shipment(bill).get("versions")).intValue()).isEqualTo(2);
        assertThat(rejected(bill)).isZero();
    }

    @Test
    void aLoneSignScanWaitsForTheCollectionScanAndAWholeTraceInOnePushStillMapsAtOnce() throws Exception {
        String lone = "75310000000003";
        Push sign = push(signed(lone));
        assertThat(sign.header("X-Intake-Waiting")).containsExactly(
                "waybill " + lone + ": assembling, 1 event kept, waiting for the collection scan");
        assertThat(shipment(lone)).isNull();
        Push collect = push(got(lone));
        assertThat(collect.header("X-Intake-Accepted")).containsExactly("1");
        assertThat(((Number) shipment(lone).get("trace_events")).intValue()).isEqualTo(2);

        // a push of two waybills: one complete, one waiting; a real rejection is still one
        String whole = "75310000000004";
        String waiting = "75310000000005";
        String nowhere = "75310000000006";
        Push mixed = push(got(whole), signed(whole), got(waiting),
                got(nowhere), event(nowhere, "ARRIVAL", "2026-10-02 09:00:00", "华南转运中心", "HN-ZTO-00"));
        assertThat(mixed.header("X-Intake-Accepted")).containsExactly("1");
        assertThat(mixed.header("X-Intake-Rejected")).containsExactly("1");
        assertThat(mixed.header("X-Intake-Waiting")).containsExactly(
                "waybill " + waiting + ": assembling, 1 event kept, waiting for a scan with a destination");
        assertThat(shipment(whole)).isNotNull();
        assertThat(rejected(nowhere)).isOne();
        assertThat(events(nowhere)).as("a rejected trace keeps its events for a later scan").isEqualTo(2);
    }

    @Test
    void aCrashInTheIntakeTransactionKeepsNoEventAndTheRetryKeepsItOnce() throws Exception {
        String bill = "75310000000002";
        assertThat(push(got(bill)).header("X-Intake-Assembling")).containsExactly("1");
        assertThat(events(bill)).isOne();

        jdbc.execute("CREATE TRIGGER it_crash_shipment BEFORE INSERT ON shipment WHEN NEW.waybill_no = '" + bill + "' "
                + "BEGIN SELECT RAISE(ABORT, 'disk full (test)'); END");
        try {
            Push crashed = push(signed(bill));
            assertThat(crashed.status()).as(crashed.body()).isGreaterThanOrEqualTo(500);
            assertThat(shipment(bill)).isNull();
            assertThat(events(bill)).as("the sign scan is not kept without its shipment").isOne();
        } finally {
            jdbc.execute("DROP TRIGGER it_crash_shipment");
        }

        // ZTO retries the push it was not acknowledged for
        Push retry = push(signed(bill));
        assertThat(retry.status()).isEqualTo(200);
        assertThat(retry.header("X-Intake-Accepted")).containsExactly("1");
        assertThat(events(bill)).isEqualTo(2);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM trace_event WHERE waybill_no = ? AND event LIKE '%SIGNED%'",
                Integer.class, bill)).isOne();
        Map<String, Object> s = shipment(bill);
        assertThat(((Number) s.get("trace_events")).intValue()).isEqualTo(2);
        assertThat(((Number) s.get("versions")).intValue()).isOne();
    }

    @Test
    void anAssemblyIsValidatedWithTheDefinition() {
        GatewayClient.Reply reply = gateway.send("POST", "/api/v1/connectors/validate", Tokens.ADMIN, "application/yaml", """
            id: it-zto-bad
            type: trace-push
            feederTokenEnv: IT_ZTO_FEEDER
            assembly:
              events: data
              colour: red
            settings:
              carrier: zto
              verify_secret: ${env:IT_ZTO_SECRET}
            """.getBytes(StandardCharsets.UTF_8));
        List<String> problems = new ArrayList<>();
        reply.json().get("problems").forEach(p -> problems.add(p.get("field").asText() + ": " + p.get("message").asText()));
        assertThat(problems).as(reply.body()).anySatisfy(p -> assertThat(p).startsWith("assembly.colour: unknown field"))
                .anySatisfy(p -> assertThat(p).startsWith("assembly.events: must be a JSON Pointer"))
                .anySatisfy(p -> assertThat(p).startsWith("assembly.waybill: required"));

        JsonNode stored = gateway.get("/api/v1/connectors/" + CONNECTOR, Tokens.ADMIN).json();
        assertThat(stored.at("/definition/assembly/events").asText()).isEqualTo("/data");
        assertThat(stored.at("/definition/assembly/incomplete/no destination yet").asText()).isEqualTo("a scan with a destination");
    }
}
