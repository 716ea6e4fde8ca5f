package dev.subsidy.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariDataSource;
import dev.subsidy.gateway.support.Tokens;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;
import javax.sql.DataSource;
import org.assertj.core.api.AbstractStringAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Every error status over real HTTP, in the one shape {@code {"status", "error"}} as
 * {@code application/json}: from the controllers, from Spring MVC, from servlet filters and from
 * Tomcat itself; a full disk (SQLite's real SQLITE_FULL) as 503 with Retry-After and nothing stored;
 * request bodies in gzip and deflate, and codings the gateway does not take.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "gateway.jurisdiction.name=从江县",
    "gateway.jurisdiction.regions=522633",
    "gateway.security.admin-token=" + Tokens.ADMIN,
    "gateway.security.feeder-tokens.standard=" + Tokens.FEEDER,
    "gateway.feeds.max-body-bytes=262144",
    "gateway.storage.retry-after=17s"
})
@Import(ErrorFaults.class)
@ExtendWith(OutputCaptureExtension.class)
// Its own context, not SharedGateway's: fault endpoints and filters no other test may meet (ErrorFaults), the
// body limit and Retry-After its assertions name, and a database it fills to the last page.
class ErrorShapeIT {

    private static final String FEED = "/api/v1/feeds/standard/records";
    private static final String REFERENCE = "internal error, reference [0-9a-f]{12}";

    @DynamicPropertySource
    static void home(DynamicPropertyRegistry registry) throws IOException {
        Path home = Files.createTempDirectory("gateway-errors");
        registry.add("gateway.home", home::toString);
        registry.add("gateway.connectors.dir", () -> home.resolve("none").toString());
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DataSource dataSource;

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    // ---- 400 ----

    @Test
    void aBrokenBodyAWrongParameterAndAMissingParameterAre400WithTheReason() {
        assertError(send("POST", FEED, Tokens.FEEDER, "[{\"kind\": ", "Content-Type", "application/json"), 400)
                .contains("not valid JSON");
        assertError(send("GET", "/api/v1/deliveries?limit=many", Tokens.ADMIN, null), 400)
                .isEqualTo("parameter 'limit': 'many' is not a whole number");
        assertError(send("GET", "/api/v1/deliveries?status=LOST", Tokens.ADMIN, null), 400)
                .startsWith("parameter 'status': 'LOST' is not one of ").contains("PENDING", "DELIVERED", "FAILED");
        assertError(send("GET", ErrorFaults.BASE + "/needs-period", Tokens.ADMIN, null), 400)
                .isEqualTo("query parameter 'period' is required");
    }

    @Test
    void aRequestTomcatCannotParseIs400InTheSameShape() {
        Raw badTarget = raw("GET /api/v1/connectors?q=a|b{c} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
        assertThat(badTarget.status()).isEqualTo(400);
        assertShape(badTarget.contentType(), badTarget.json(), 400);
        assertThat(badTarget.body()).doesNotContainIgnoringCase("tomcat").doesNotContain("Exception").doesNotContain("<html");
    }

    @Test
    void aHeaderOverTheLimitIsRefusedInTheSameShape() {
        Raw huge = raw("GET /api/v1/connectors HTTP/1.1\r\nHost: localhost\r\nX-Padding: " + "x".repeat(20_000)
                + "\r\nConnection: close\r\n\r\n");
        assertThat(huge.status()).isBetween(400, 431);
        assertShape(huge.contentType(), huge.json(), huge.status());
        assertThat(huge.body()).doesNotContainIgnoringCase("tomcat").doesNotContain("Exception").doesNotContain("<html");
    }

    // ---- 401, 403 (the security filter's) ----

    @Test
    void noTokenIs401AndAWrongOneIs403() {
        assertError(send("GET", "/api/v1/connectors", null, null), 401);
        assertError(send("GET", "/api/v1/connectors", Tokens.FEEDER, null), 403);
    }

    // ---- 404, 405, 406 ----

    @Test
    void anUnknownPathAndAnUnknownRecordAre404() {
        assertError(send("GET", "/api/v1/no-such-thing", Tokens.ADMIN, null), 404)
                .isEqualTo("no such path: GET /api/v1/no-such-thing");
        // outside /api and /actuator everything is denied by default, even to the admin: never a 404 that
        // would tell a stranger which paths exist
        assertError(send("GET", "/nothing/here.html", null, null), 401);
        assertError(send("GET", "/nothing/here.html", Tokens.ADMIN, null), 403);
        assertError(send("GET", "/api/v1/records/shipment/ZTO:NOSUCH0000001", Tokens.ADMIN, null), 404)
                .contains("ZTO:NOSUCH0000001");
    }

    @Test
    void aMethodTheCallDoesNotTakeIs405NamingTheAllowedOnes() {
        Reply reply = send("DELETE", "/api/v1/connectors", Tokens.ADMIN, null);
        assertError(reply, 405).startsWith("method DELETE is not allowed on /api/v1/connectors; allowed: ");
        assertThat(reply.header("Allow")).contains("GET").contains("POST");
    }

    @Test
    void aReplyTypeTheCallCannotGiveIs406YetTheErrorIsJson() {
        assertError(send("GET", "/api/v1/connectors", Tokens.ADMIN, null, "Accept", "text/csv"), 406)
                .contains("Accept");
    }

    // ---- 413, 415 ----

    @Test
    void aBodyOverTheLimitIs413() {
        assertError(send("POST", FEED, Tokens.FEEDER, shipments("BIG", 2_000), "Content-Type", "application/json"), 413)
                .contains("gateway.feeds.max-body-bytes");
    }

    @Test
    void aContentTypeOrAContentEncodingTheGatewayDoesNotReadIs415() {
        assertError(send("POST", FEED, Tokens.FEEDER, "<a/>", "Content-Type", "application/xml"), 415);
        for (String coding : List.of("br", "zstd", "compress", "sdch-foo")) {
            Reply reply = send("POST", FEED, Tokens.FEEDER, shipments("ENC", 1),
                    "Content-Type", "application/json", "Content-Encoding", coding);
            assertError(reply, 415).contains("Content-Encoding '" + coding + "' is not supported");
            assertThat(reply.header("Accept-Encoding")).isEqualTo("gzip, deflate, identity");
        }
        assertError(send("POST", FEED, Tokens.FEEDER, shipments("ENC", 1),
                "Content-Type", "application/json", "Content-Encoding", "gzip, br"), 415)
                .contains("'gzip, br' stacks several codings");
        assertThat(count("ENC%")).isZero();
    }

    // ---- gzip and deflate ----

    @Test
    void gzipAndDeflateBodiesAreInflatedAndStoredAsIfSentPlain() {
        Reply gzip = send("POST", FEED, Tokens.FEEDER, gzip(shipments("GZ", 3).getBytes(StandardCharsets.UTF_8)),
                "Content-Type", "application/json", "Content-Encoding", "gzip");
        assertThat(gzip.status()).as(gzip.body()).isEqualTo(202);
        assertThat(gzip.json().get("accepted").asInt()).isEqualTo(3);

        Reply deflate = send("POST", FEED, Tokens.FEEDER, deflate(shipments("DF", 2).getBytes(StandardCharsets.UTF_8)),
                "Content-Type", "application/json", "Content-Encoding", "Deflate");
        assertThat(deflate.status()).as(deflate.body()).isEqualTo(202);
        assertThat(deflate.json().get("accepted").asInt()).isEqualTo(2);

        Reply identity = send("POST", FEED, Tokens.FEEDER, shipments("ID", 1),
                "Content-Type", "application/json", "Content-Encoding", "identity");
        assertThat(identity.status()).as(identity.body()).isEqualTo(202);
        assertThat(count("GZ%") + count("DF%") + count("ID%")).isEqualTo(6);
    }

    @Test
    void aCorruptGzipBodyIs400AndABodyInflatingPastTheLimitIs413() {
        byte[] valid = gzip(shipments("BAD", 2).getBytes(StandardCharsets.UTF_8));
        byte[] truncated = Arrays.copyOf(valid, valid.length / 2);
        assertError(send("POST", FEED, Tokens.FEEDER, truncated, "Content-Type", "application/json", "Content-Encoding", "gzip"), 400)
                .contains("not valid gzip");
        assertError(send("POST", FEED, Tokens.FEEDER, "plain text, not gzip".getBytes(StandardCharsets.UTF_8),
                "Content-Type", "application/json", "Content-Encoding", "gzip"), 400).contains("not valid gzip");

        // 16 MiB of spaces compress to about 16 KiB: a post well under the limit that inflates far past it
        byte[] bomb = gzippedSpaces(16 * 1024 * 1024);
        assertThat(bomb.length).isLessThan(262_144 / 8);
        assertError(send("POST", FEED, Tokens.FEEDER, bomb, "Content-Type", "application/json", "Content-Encoding", "gzip"), 413)
                .contains("inflates").contains("gateway.feeds.max-body-bytes");
        assertThat(count("BAD%")).isZero();
    }

    // ---- 500 ----

    @Test
    void aBugIs500WithAReferenceThatIsLoggedWithTheTraceAndNothingElse(CapturedOutput log) {
        String reason = reason(send("GET", ErrorFaults.BASE + "/bug", Tokens.ADMIN, null), 500);
        assertThat(reason).matches(REFERENCE);
        String reference = reason.substring(reason.lastIndexOf(' ') + 1);
        assertThat(log.getOut()).contains("internal error, reference " + reference)
                .contains("java.lang.IllegalStateException: unexpected state near");
    }

    @Test
    void aBugOrARefusalInAServletFilterAnswersInTheSameShapeThroughTheErrorPage(CapturedOutput log) {
        String reason = reason(send("GET", ErrorFaults.BASE + "/bug-in-a-filter", Tokens.ADMIN, null), 500);
        assertThat(reason).matches(REFERENCE);
        assertThat(log.getOut()).contains(reason).contains("filter bug near");

        assertError(send("GET", ErrorFaults.BASE + "/refused-by-a-filter", Tokens.ADMIN, null), 429)
                .isEqualTo("slow down: refused by a filter");
    }

    // ---- 503 ----

    @Test
    void aRequestThatRunsOutOfHeapIs503SayingSoAndTheNextRequestIsServed() {
        assertError(send("GET", ErrorFaults.BASE + "/out-of-heap", Tokens.ADMIN, null), 503)
                .startsWith("the gateway ran out of heap serving this request (-Xmx ")
                .contains("send it again in smaller bodies");
        assertError(send("GET", ErrorFaults.BASE + "/bug", Tokens.ADMIN, null), 500).matches(REFERENCE);
    }

    @Test
    void noDatabaseConnectionIs503WithRetryAfter() {
        Reply reply = send("GET", ErrorFaults.BASE + "/no-connection", Tokens.ADMIN, null);
        assertError(reply, 503).isEqualTo("storage is unavailable; retry later");
        assertThat(reply.header("Retry-After")).isEqualTo("17");
    }

    @Test
    void aFullDiskIs503WithRetryAfterStoresNothingAndTheSameBodyIsTakenOnceThereIsRoom() throws SQLException {
        String body = shipments("FULL", 600);
        int batches = jdbc.queryForObject("SELECT COUNT(*) FROM intake_batch", Integer.class);
        long roomBefore = maxPageCount();
        // the database may not grow past the pages it has now: SQLite answers SQLITE_FULL, as on a full disk
        setMaxPageCount(1);
        Reply full;
        try {
            full = send("POST", FEED, Tokens.FEEDER, body, "Content-Type", "application/json");
        } finally {
            setMaxPageCount(roomBefore);
        }
        assertError(full, 503).isEqualTo("storage is full: nothing was stored; retry later");
        assertThat(full.header("Retry-After")).isEqualTo("17");
        assertError(send("GET", "/api/v1/records/shipment/ZTO:FULL0000000000", Tokens.ADMIN, null), 404);
        assertThat(count("FULL%")).isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM intake_batch", Integer.class)).isEqualTo(batches);

        Reply retried = send("POST", FEED, Tokens.FEEDER, body, "Content-Type", "application/json");
        assertThat(retried.status()).as(retried.body()).isEqualTo(202);
        assertThat(retried.json().get("accepted").asInt()).isEqualTo(600);
        assertThat(send("GET", "/api/v1/records/shipment/ZTO:FULL0000000000", Tokens.ADMIN, null).status()).isEqualTo(200);
    }

    // ---- helpers ----

    /** The pragma is per connection: hold every connection of the pool at once and set it on each. */
    private void setMaxPageCount(long pages) throws SQLException {
        HikariDataSource pool = (HikariDataSource) dataSource;
        List<Connection> held = new ArrayList<>();
        try {
            for (int i = 0; i < pool.getMaximumPoolSize(); i++) {
                held.add(pool.getConnection());
            }
            for (Connection c : held) {
                try (Statement s = c.createStatement()) {
                    s.execute("PRAGMA max_page_count = " + pages);
                }
            }
        } finally {
            for (Connection c : held) {
                c.close();
            }
        }
    }

    private long maxPageCount() throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("PRAGMA max_page_count")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private int count(String waybillPattern) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM shipment WHERE waybill_no LIKE ?", Integer.class, waybillPattern);
    }

    private static String shipments(String prefix, int n) {
        StringBuilder body = new StringBuilder("[");
        for (int i = 0; i < n; i++) {
            body.append(i == 0 ? "" : ",").append("""
                {"kind": "shipment", "carrier": "ZTO", "waybillNo": "%s%010d", "collectedAt": "2026-10-03T18:00:00+08:00",
                 "originRegion": "522633100", "destRegion": "440106"}""".formatted(prefix, i));
        }
        return body.append("]").toString();
    }

    private static byte[] gzip(byte[] plain) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (OutputStream z = new GZIPOutputStream(out)) {
            z.write(plain);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static byte[] gzippedSpaces(int n) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] spaces = " ".repeat(64 * 1024).getBytes(StandardCharsets.US_ASCII);
        try (OutputStream z = new GZIPOutputStream(out)) {
            for (int written = 0; written < n; written += spaces.length) {
                z.write(spaces);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static byte[] deflate(byte[] plain) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (OutputStream z = new DeflaterOutputStream(out)) {
            z.write(plain);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The shape of every error; returns an assertion on the reason. */
    private static AbstractStringAssert<?> assertError(Reply reply, int status) {
        return assertThat(reason(reply, status));
    }

    /** The shape of every error; returns the reason. */
    private static String reason(Reply reply, int status) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(status);
        assertShape(reply.header("Content-Type"), reply.json(), status);
        assertThat(reply.body()).doesNotContain("Exception").doesNotContain(ErrorFaults.SECRET).doesNotContain("\tat ");
        return reply.json().get("error").asText();
    }

    private static void assertShape(String contentType, JsonNode body, int status) {
        assertThat(contentType).as("Content-Type").startsWith("application/json");
        assertThat(body).as("a JSON object").isNotNull();
        List<String> fields = new ArrayList<>();
        for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
            fields.add(names.next());
        }
        assertThat(fields).containsExactly("status", "error");
        assertThat(body.get("status").isInt()).isTrue();
        assertThat(body.get("status").asInt()).isEqualTo(status);
        assertThat(body.get("error").isTextual()).isTrue();
        assertThat(body.get("error").asText()).isNotBlank();
    }

    record Reply(int status, String body, JsonNode json, HttpResponse<String> response) {
        String header(String name) {
            return response.headers().firstValue(name).orElse(null);
        }
    }

    private Reply send(String method, String path, String token, Object body, String... headers) {
        byte[] bytes = body == null ? null : body instanceof byte[] b ? b : ((String) body).getBytes(StandardCharsets.UTF_8);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method(method, bytes == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(bytes));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Reply(response.statusCode(), response.body(), parse(response.body()), response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private JsonNode parse(String body) {
        try {
            return body == null || body.isBlank() ? null : json.readTree(body);
        } catch (IOException notJson) {
            return null;
        }
    }

    /** What came back for bytes written straight to the socket: requests no HTTP client would send. */
    record Raw(int status, String contentType, String body, JsonNode json) {}

    private Raw raw(String request) {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            InputStream in = socket.getInputStream();
            String reply = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            int status = Integer.parseInt(reply.substring(9, 12));
            String head = reply.substring(0, Math.max(0, reply.indexOf("\r\n\r\n")));
            String contentType = head.lines().filter(l -> l.regionMatches(true, 0, "Content-Type:", 0, 13))
                    .map(l -> l.substring(13).strip()).findFirst().orElse(null);
            String rest = reply.substring(head.length());
            String body = rest.contains("{") ? rest.substring(rest.indexOf('{'), rest.lastIndexOf('}') + 1) : rest;
            return new Raw(status, contentType, reply, parse(body));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
