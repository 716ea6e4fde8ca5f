package dev.subsidy.gateway.registry;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.subsidy.gateway.GatewayProperties;
import dev.subsidy.gateway.fuzz.ColumnLimits;
import dev.subsidy.gateway.storage.registry.RegistryStore;
import dev.subsidy.gateway.web.BadRequestException;
import dev.subsidy.intake.BodyTooLargeException;
import dev.subsidy.intake.UnreadableBodyException;
import dev.subsidy.intake.UnsupportedFormatException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletRequest;

/**
 * A body PUT to /api/v1/registry/subjects, whatever it holds, is refused as a whole with a reason (the
 * 4xx replies of the API's exception handler) or upserts the valid subjects and names every rejected
 * one with its reason, through the registry's own controller and store on a real (in-memory SQLite)
 * database. What is stored must read back, and must fit the columns as PostgreSQL enforces them
 * (SQLite stores a 65-character text in a VARCHAR(64); PostgreSQL answers the upsert with an error,
 * the administrator with a 500). The test sits in the registry's package: its controller and parser are
 * package-private.
 */
class RegistryUpsertFuzzTest {

    private static final List<String> CONTENT_TYPES = List.of("application/json", "text/csv", "text/csv;charset=GB18030");
    private static final List<String> TABLES = List.of("subject", "subject_shop", "subject_site", "subject_carrier");

    private static final ColumnLimits DATABASE = ColumnLimits.migrated();
    private static final JdbcTemplate JDBC = DATABASE.jdbc();
    private static final ObjectMapper JSON = Jackson2ObjectMapperBuilder.json().build();
    private static final RegistryStore STORE = new RegistryStore(JDBC, JSON, Clock.fixed(Instant.parse("2026-11-01T00:00:00Z"), ZoneOffset.UTC));
    private static final RegistryController CONTROLLER = new RegistryController(STORE, JSON, new GatewayProperties(
            Path.of("target/fuzz-home"), new GatewayProperties.Jurisdiction("从江县", List.of("522633")),
            new GatewayProperties.Security(null, null, Map.of(), null), new GatewayProperties.Feeds(1024 * 1024, 5000, 0, Duration.ZERO), Map.of()),
            Clock.fixed(Instant.parse("2026-11-01T00:00:00Z"), ZoneOffset.UTC));


    // fuzzed in mvn verify for fuzz.seconds (root pom); without a limit of its own when fuzzed by hand
    @FuzzTest(maxDuration = "")
    void aRegistryBodyIsRefusedWithAReasonOrEverySubjectIsStoredOrRejectedWithOne(byte[] body) {
        for (String contentType : CONTENT_TYPES) {
            MockHttpServletRequest request = new MockHttpServletRequest("PUT", "/api/v1/registry/subjects");
            request.setContentType(contentType);
            request.setContent(body);
            try {
                RegistryController.UpsertReply reply = CONTROLLER.upsert(request);
                for (RegistryController.Rejected r : reply.rejected()) {
                    if (r.reason() == null || r.reason().isBlank()) {
                        throw new AssertionError("entry " + r.index() + " rejected without a reason");
                    }
                }
                everyStoredSubjectReadsBackAndFitsItsColumns();
            } catch (UnreadableBodyException | BadRequestException | UnsupportedFormatException | BodyTooLargeException e) {
                if (e.getMessage() == null || e.getMessage().isBlank()) {
                    throw new AssertionError("a body refused without a reason", e);
                }
            } finally {
                TABLES.forEach(t -> JDBC.update("DELETE FROM " + t));
            }
        }
    }

    private static void everyStoredSubjectReadsBackAndFitsItsColumns() {
        for (String id : JDBC.queryForList("SELECT id FROM subject", String.class)) {
            STORE.find(id).orElseThrow(() -> new AssertionError("subject " + id + " stored but not found"));
        }
        TABLES.forEach(DATABASE::requireStoredFit);
    }
}
