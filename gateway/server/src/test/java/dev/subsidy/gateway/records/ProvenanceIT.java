package dev.subsidy.gateway.records;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.subsidy.connector.testkit.TestClock;
import dev.subsidy.gateway.support.GatewayClient;
import dev.subsidy.gateway.support.Tokens;
import dev.subsidy.runtime.definition.EnvironmentVariables;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Provenance anyone can re-check (docs/records.md "Provenance"), through the real API on SQLite: each
 * accepted version's {@code rawHash} is the SHA-256 of the exact text it arrived as (computed here on
 * the text the test sent, not read back from the gateway), {@code …/versions/{n}/raw} returns that text,
 * and past {@code gateway.intake.raw-retention} the text goes while the hash stays.
 *
 * <p>Its own context, not SharedGateway's: it needs a clock it can move past the retention time and a
 * retention route that ticks at test pace. {@link PostgresProvenanceIT} runs the same on PostgreSQL.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "gateway.jurisdiction.name=从江县",
    "gateway.jurisdiction.regions=522633",
    "gateway.security.admin-token=" + Tokens.ADMIN,
    "gateway.security.feeder-tokens.standard=" + Tokens.FEEDER,
    "gateway.intake.raw-retention=2d",
    "gateway.intake.raw-sweep-interval=100ms"
})
@Import(ProvenanceIT.Beans.class)
class ProvenanceIT {

    /** After the records' month: their times are in the past, never in the future of the gateway. */
    static final TestClock CLOCK = TestClock.at(Instant.parse("2026-12-01T00:00:00Z"));
    static final String PUSH_FEEDER = "it-provenance-feeder-3b7e";

    @TestConfiguration(proxyBeanMethods = false)
    static class Beans {
        @Bean
        @Primary
        Clock testClock() {
            return CLOCK;
        }

        @Bean
        @Primary
        EnvironmentVariables provenanceEnvironment() {
            return name -> Optional.ofNullable(Map.of("IT_PROVENANCE_FEEDER", PUSH_FEEDER).get(name));
        }
    }

    @DynamicPropertySource
    static void home(DynamicPropertyRegistry registry) throws IOException {
        Path home = Files.createTempDirectory("gateway-provenance-it");
        registry.add("gateway.home", home::toString);
        registry.add("gateway.connectors.dir", () -> home.resolve("no-definitions").toString());
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    GatewayClient gateway;

    @BeforeEach
    void connect() {
        gateway = new GatewayClient(port);
    }

    static String shipment(String waybill, String destRegion) {
        return "{\"kind\": \"shipment\", \"carrier\": \"ZTO\", \"waybillNo\": \"" + waybill + "\","
                + " \"collectedAt\": \"2026-11-03T10:00:00+08:00\", \"originRegion\": \"522633\","
                + " \"destRegion\": \"" + destRegion + "\"}";
    }

    // ---- the standard feed ----

    @Test
    void aJsonElementKeepsItsOwnTextLayoutAndAllAsItsRawPayload() {
        String element = "{\n    \"kind\": \"shipment\",  \"carrier\": \"ZTO\", \"waybillNo\": \"PROVJSON0001\",\n"
                + "    \"collectedAt\": \"2026-11-03T10:00:00+08:00\", \"originRegion\": \"522633\",\n"
                + "    \"destRegion\": \"440106\", \"note\": \"从江 百香果\"\n  }";
        accepted(gateway.post("/api/v1/feeds/standard/records", Tokens.FEEDER, "application/json",
                "[\n  " + element + ",\n  " + shipment("PROVJSON0002", "440106") + "\n]\n", StandardCharsets.UTF_8), 2);

        assertProvenance("ZTO:PROVJSON0001", 1, element);
        assertProvenance("ZTO:PROVJSON0002", 1, shipment("PROVJSON0002", "440106"));
    }

    @Test
    void anNdjsonRecordKeepsItsLine() {
        String line = "{\"kind\":\"shipment\",\"carrier\":\"ZTO\",\"waybillNo\":\"PROVNDJSON01\",\"collectedAt\":"
                + "\"2026-11-03T10:00:00+08:00\",\"originRegion\":\"522633\",\"destRegion\":\"440106\"}";
        accepted(gateway.post("/api/v1/feeds/standard/records", Tokens.FEEDER, "application/x-ndjson",
                "\n" + line + "\r\n", StandardCharsets.UTF_8), 1);

        assertProvenance("ZTO:PROVNDJSON01", 1, line);
    }

    @Test
    void aCsvRowKeepsItselfWithTheHeaderThatNamesItsCellsEvenWhenTheBodyIsGbk() {
        String header = "kind,carrier,waybillNo,collectedAt,originRegion,destRegion,note";
        String row = "shipment,ZTO,PROVCSV00001,2026-11-03T10:00:00+08:00,522633,440106,\"从江, \"\"百香果\"\"\"";
        accepted(gateway.post("/api/v1/feeds/standard/records", Tokens.FEEDER, "text/csv",
                header + "\r\n" + row + "\r\n", java.nio.charset.Charset.forName("GBK")), 1);

        // the text as decoded: a GBK body's payload is its text, hashed in UTF-8 like every other
        assertProvenance("ZTO:PROVCSV00001", 1, header + "\n" + row);
    }

    @Test
    void aDuplicateAddsNoRawPayloadAndANewVersionKeepsItsOwn() {
        String first = shipment("PROVVERS0001", "440106");
        accepted(gateway.post("/api/v1/feeds/standard/records", Tokens.FEEDER, "application/x-ndjson", first,
                StandardCharsets.UTF_8), 1);
        long kept = keptPayloads();

        // the same record written another way: a duplicate, nothing of it kept
        String sameAgain = first.replace(", ", ",");
        GatewayClient.Reply duplicate = gateway.post("/api/v1/feeds/standard/records", Tokens.FEEDER,
                "application/x-ndjson", sameAgain, StandardCharsets.UTF_8);
        assertThat(duplicate.json().get("duplicates").asInt()).as(duplicate.body()).isOne();
        assertThat(keptPayloads()).isEqualTo(kept);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM raw_payload WHERE raw_hash = ?", Long.class,
                sha256(sameAgain))).isZero();

        String revised = shipment("PROVVERS0001", "522633").replace("}", ", \"updatedAt\": \"2026-11-04T10:00:00+08:00\"}");
        accepted(gateway.post("/api/v1/feeds/standard/records", Tokens.FEEDER, "application/x-ndjson", revised,
                StandardCharsets.UTF_8), 1);
        assertProvenance("ZTO:PROVVERS0001", 1, first);
        assertProvenance("ZTO:PROVVERS0001", 2, revised);
    }

    // ---- a mapped connector ----

    @Test
    void aMappedPushKeepsThePartnersOwnRecordNotTheStandardOneMadeOfIt() {
        GatewayClient.Reply mapping = gateway.send("PUT", "/api/v1/mappings/it-provenance", Tokens.ADMIN,
                "text/plain; charset=UTF-8", """
                {"kind": "shipment", "carrier": "ZTO", "waybillNo": .billCode, "collectedAt": .scanTime,
                 "originRegion": "522633", "destRegion": .toCode}
                """.getBytes(StandardCharsets.UTF_8));
        assertThat(mapping.status()).as(mapping.body()).isEqualTo(200);
        GatewayClient.Reply connector = gateway.postJson("/api/v1/connectors", Tokens.ADMIN, """
                {"id": "it-provenance-push", "type": "http-push", "mapping": "it-provenance", "feederTokenEnv": "IT_PROVENANCE_FEEDER"}
                """);
        assertThat(connector.status()).as(connector.body()).isEqualTo(200);
        String native1 = "{ \"billCode\" : \"PROVPUSH0001\", \"scanTime\": \"2026-11-05T09:30:00+08:00\",\n"
                + "   \"toCode\": \"440106\", \"scanSite\": \"从江县营业部\" }";
        String native2 = "{\"billCode\":\"PROVPUSH0002\",\"scanTime\":\"2026-11-05T09:31:00+08:00\",\"toCode\":\"440106\"}";

        accepted(gateway.post("/api/v1/feeds/it-provenance-push/records", PUSH_FEEDER, "application/json",
                "[" + native1 + ",\n" + native2 + "]", StandardCharsets.UTF_8), 2);

        assertProvenance("ZTO:PROVPUSH0001", 1, native1);
        assertProvenance("ZTO:PROVPUSH0002", 1, native2);
        assertThat(gateway.send("POST", "/api/v1/connectors/it-provenance-push/pause", Tokens.ADMIN, null, null)
                .status()).isEqualTo(200);
    }

    // ---- retention ----

    @Test
    void pastItsRetentionTheTextGoesTheHashStaysAndTheEndpointSaysWhenItExpired() {
        String line = shipment("PROVRETN0001", "440106");
        Instant arrival = CLOCK.instant();
        accepted(gateway.post("/api/v1/feeds/standard/records", Tokens.FEEDER, "application/x-ndjson", line,
                StandardCharsets.UTF_8), 1);
        assertProvenance("ZTO:PROVRETN0001", 1, line);
        Instant expiry = arrival.plus(Duration.ofDays(2));
        assertThat(version("ZTO:PROVRETN0001", 1).get("rawExpiresAt").asText()).isEqualTo(expiry.toString());

        CLOCK.advance(Duration.ofDays(2).plusMinutes(1));

        await().atMost(Duration.ofSeconds(10)).until(() -> rawOf("ZTO:PROVRETN0001", 1).statusCode() == 404);
        HttpResponse<String> expired = rawOf("ZTO:PROVRETN0001", 1);
        assertThat(expired.body()).contains("\"status\":404")
                .contains("raw payload expired on " + expiry);
        JsonNode version = version("ZTO:PROVRETN0001", 1);
        assertThat(version.get("rawHash").asText()).isEqualTo(sha256(line));
        assertThat(version.get("rawKept").asBoolean()).isFalse();
        // a new record's payload is in the segment of its chunk (V21): the text goes, the segment's row with its
        // expiry and the record's hash stay
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM shipment r JOIN raw_segment seg ON seg.batch_id = "
                + "r.batch_id AND seg.segment = r.raw_segment WHERE r.raw_hash = ? AND r.raw IS NULL AND seg.body IS NULL "
                + "AND seg.expires_at = ?", Long.class, sha256(line), expiry.toEpochMilli())
                + jdbc.queryForObject("SELECT COUNT(*) FROM raw_payload WHERE raw_hash = ? AND body IS NULL", Long.class,
                        sha256(line))).isOne();

        // the same text sent again (a feeder replaying it) is a duplicate: still only the hash
        GatewayClient.Reply replay = gateway.post("/api/v1/feeds/standard/records", Tokens.FEEDER,
                "application/x-ndjson", line, StandardCharsets.UTF_8);
        assertThat(replay.json().get("duplicates").asInt()).as(replay.body()).isOne();
        assertThat(rawOf("ZTO:PROVRETN0001", 1).statusCode()).isEqualTo(404);

        // a second version moves the first to the history: its payload still expired on the same day, the new one kept
        String revised = shipment("PROVRETN0001", "522633").replace("}", ", \"updatedAt\": \"2026-11-04T10:00:00+08:00\"}");
        accepted(gateway.post("/api/v1/feeds/standard/records", Tokens.FEEDER, "application/x-ndjson", revised,
                StandardCharsets.UTF_8), 1);
        JsonNode first = version("ZTO:PROVRETN0001", 1);
        assertThat(first.get("rawHash").asText()).isEqualTo(sha256(line));
        assertThat(first.get("rawKept").asBoolean()).isFalse();
        assertThat(first.get("rawExpiresAt").asText()).isEqualTo(expiry.toString());
        assertThat(rawOf("ZTO:PROVRETN0001", 1).body()).contains("raw payload expired on " + expiry);
        assertProvenance("ZTO:PROVRETN0001", 2, revised);
    }

    @Test
    void aVersionFromBeforeRawPayloadsWereKeptSaysSoAndUnknownVersionsAreNotFound() {
        accepted(gateway.post("/api/v1/feeds/standard/records", Tokens.FEEDER, "application/x-ndjson",
                shipment("PROVOLD00001", "440106"), StandardCharsets.UTF_8), 1);
        // as a row written before V12 has it
        jdbc.update("UPDATE record_version SET raw_hash = NULL WHERE natural_key = 'ZTO:PROVOLD00001'");
        jdbc.update("UPDATE shipment SET raw_hash = NULL, raw = NULL, raw_expires_at = NULL, raw_segment = NULL, "
                + "raw_at = NULL, raw_length = NULL WHERE natural_key = 'ZTO:PROVOLD00001'");

        HttpResponse<String> old = rawOf("ZTO:PROVOLD00001", 1);
        assertThat(old.statusCode()).isEqualTo(404);
        assertThat(old.body()).contains("raw payload not kept (received before raw payloads were kept)");
        JsonNode version = version("ZTO:PROVOLD00001", 1);
        assertThat(version.hasNonNull("rawHash")).as("absent, as every null of the API").isFalse();
        assertThat(version.get("rawKept").asBoolean()).isFalse();

        HttpResponse<String> missing = rawOf("ZTO:PROVOLD00001", 7);
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).contains("no version 7 of shipment 'ZTO:PROVOLD00001'");
        assertThat(rawOf("ZTO:PROVOLD00001", "first").statusCode()).isEqualTo(400);
    }

    // ---- helpers ----

    private static void accepted(GatewayClient.Reply reply, int records) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(202);
        assertThat(reply.json().get("accepted").asInt()).as(reply.body()).isEqualTo(records);
    }

    /** The version's hash is SHA-256 of exactly {@code sent}, and the raw endpoint returns exactly it. */
    private void assertProvenance(String key, int n, String sent) {
        JsonNode version = version(key, n);
        assertThat(version.get("rawHash").asText()).isEqualTo(sha256(sent));
        assertThat(version.get("rawKept").asBoolean()).isTrue();
        HttpResponse<String> raw = rawOf(key, n);
        assertThat(raw.statusCode()).as(raw.body()).isEqualTo(200);
        assertThat(raw.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type.replace(" ", "").toLowerCase()).isEqualTo("text/plain;charset=utf-8"));
        assertThat(raw.body()).isEqualTo(sent);
    }

    private JsonNode version(String key, int n) {
        GatewayClient.Reply record = gateway.get("/api/v1/records/shipment/" + key, Tokens.ADMIN);
        assertThat(record.status()).as(record.body()).isEqualTo(200);
        for (JsonNode v : record.json().get("versions")) {
            if (v.get("version").asInt() == n) {
                return v;
            }
        }
        throw new AssertionError("no version " + n + " in " + record.body());
    }

    /**
     * Payloads kept in raw_payload and inline with a record's only version (V13), and segments of them (V21): a
     * duplicate's chunk writes none.
     */
    private long keptPayloads() {
        return jdbc.queryForObject("SELECT (SELECT COUNT(*) FROM raw_payload) + (SELECT COUNT(*) FROM raw_segment) + "
                + "(SELECT COUNT(*) FROM shipment "
                + "WHERE body IS NOT NULL AND raw_hash IS NOT NULL) + (SELECT COUNT(*) FROM sales_order "
                + "WHERE body IS NOT NULL AND raw_hash IS NOT NULL)", Long.class);
    }

    private HttpResponse<String> rawOf(String key, Object n) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/records/shipment/"
                + key + "/versions/" + n + "/raw")).header("Authorization", "Bearer " + Tokens.ADMIN).GET().build();
        try {
            return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Computed here, independently of the gateway: SHA-256 of the UTF-8 bytes, in lower-case hex. */
    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
