package dev.subsidy.gateway.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.SerializationFeature;
import dev.subsidy.connector.testkit.TestClock;
import dev.subsidy.gateway.storage.delivery.JdbcDeliveryStore;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

/** {@code /api/v1/deliveries} over MockMvc, on a real outbox; authorisation is the security filter's. */
class DeliveryControllerTest {

    @TempDir
    Path folder;

    private final TestClock clock = TestClock.atPresentSecond();
    private final DeliveryGate gate = new DeliveryGate();
    private OutboxDatabase db;
    private DeliveryStore store;
    private MockMvc api;
    private String pending;
    private String failed;
    private String delivered;

    @BeforeEach
    void start() {
        db = OutboxDatabase.migrated(folder);
        store = new JdbcDeliveryStore(db.jdbc());
        // the same JSON settings as the application: ISO instants
        var json = new MappingJackson2HttpMessageConverter(Jackson2ObjectMapperBuilder.json()
                .featuresToDisable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build());
        api = MockMvcBuilders.standaloneSetup(new DeliveryController(store, gate, clock))
                .setMessageConverters(json).build();

        failed = db.enqueueFigures(clock);
        store.failed(failed, DeliveryOutcome.ofReply(422, "{\"errors\": [\"unit\"]}", Optional.empty()), clock.instant());
        clock.advance(Duration.ofSeconds(1));
        delivered = db.enqueue(DeliveryKind.AWARDS, 3, clock);
        store.delivered(delivered, DeliveryOutcome.ofReply(202, "{\"accepted\": 3}", Optional.empty()), clock.instant());
        clock.advance(Duration.ofSeconds(1));
        pending = db.enqueueFigures(clock);
    }

    @Test
    void listsEveryDeliveryNewestFirstWithoutBodies() throws Exception {
        api.perform(get("/api/v1/deliveries"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$", hasSize(3)))
                .andExpect(jsonPath("$[0].id").value(pending))
                .andExpect(jsonPath("$[0].status").value("PENDING"))
                .andExpect(jsonPath("$[0].kind").value("FIGURES"))
                .andExpect(jsonPath("$[0].period").value("2026-11"))
                .andExpect(jsonPath("$[0].items").value(2))
                .andExpect(jsonPath("$[0].attempts").value(0))
                .andExpect(jsonPath("$[0].nextAttemptAt").value(clock.instant().toString()))
                .andExpect(jsonPath("$[0].createdAt").value(clock.instant().toString()))
                .andExpect(jsonPath("$[0].body").doesNotExist())
                .andExpect(jsonPath("$[1].id").value(delivered))
                .andExpect(jsonPath("$[1].lastStatus").value(202))
                .andExpect(jsonPath("$[1].nextAttemptAt").doesNotExist())
                .andExpect(jsonPath("$[2].id").value(failed));
    }

    @Test
    void filtersByStatusAndKeepsTheLastReply() throws Exception {
        api.perform(get("/api/v1/deliveries").param("status", "FAILED"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$", hasSize(1)))
                .andExpect(jsonPath("$[0].id").value(failed))
                .andExpect(jsonPath("$[0].attempts").value(1))
                .andExpect(jsonPath("$[0].lastStatus").value(422))
                .andExpect(jsonPath("$[0].lastResponse").value("{\"errors\": [\"unit\"]}"));
    }

    @Test
    void includesTheBodyExactlyAsSentWhenAsked() throws Exception {
        api.perform(get("/api/v1/deliveries").param("status", "PENDING").param("withBody", "true"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].body").value(db.body(pending)));
    }

    @Test
    void anUnknownStatusIsABadRequest() throws Exception {
        api.perform(get("/api/v1/deliveries").param("status", "LOST")).andExpect(status().isBadRequest());
    }

    @Test
    void retryMakesAFailedBatchDueNowAndResumesPushing() throws Exception {
        gate.pause("401 from the intake");
        clock.advance(Duration.ofMinutes(5));

        api.perform(post("/api/v1/deliveries/{id}/retry", failed))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("PENDING"))
                .andExpect(jsonPath("$.nextAttemptAt").value(clock.instant().toString()))
                .andExpect(jsonPath("$.attempts").value(1));

        assertThat(db.status(failed)).isEqualTo("PENDING");
        assertThat(db.nextAttemptAt(failed)).isEqualTo(clock.instant());
        assertThat(gate.pausedBecause()).isEmpty();
        assertThat(store.due(clock.instant(), 10)).extracting(PendingDelivery::id).contains(failed);
    }

    @Test
    void retryMakesAPendingBatchWaitingForItsBackoffDueNow() throws Exception {
        db.postpone(pending, Duration.ofMinutes(10), clock);

        api.perform(post("/api/v1/deliveries/{id}/retry", pending)).andExpect(status().isOk());

        assertThat(db.nextAttemptAt(pending)).isEqualTo(clock.instant());
    }

    @Test
    void retryOfAnUnknownBatchIsNotFound() throws Exception {
        gate.pause("401");
        api.perform(post("/api/v1/deliveries/{id}/retry", "fb-nope")).andExpect(status().isNotFound());
        assertThat(gate.pausedBecause()).isPresent();
    }

    @Test
    void retryOfADeliveredBatchIsAConflict() throws Exception {
        api.perform(post("/api/v1/deliveries/{id}/retry", delivered)).andExpect(status().isConflict());
        assertThat(db.status(delivered)).isEqualTo("DELIVERED");
    }

    @Test
    void stateTellsWhyPushingStopped() throws Exception {
        api.perform(get("/api/v1/deliveries/state")).andExpect(jsonPath("$.pushing").value("ACTIVE"));
        gate.pause("the award intake refused the gateway's credentials with 403");
        api.perform(get("/api/v1/deliveries/state"))
                .andExpect(jsonPath("$.pushing").value("PAUSED"))
                .andExpect(jsonPath("$.reason").value("the award intake refused the gateway's credentials with 403"));
    }
}
