package dev.subsidy.gateway.storage.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import dev.subsidy.gateway.notifications.Incident;
import dev.subsidy.gateway.notifications.IncidentStore;
import dev.subsidy.gateway.notifications.IncidentStore.Notice;
import dev.subsidy.gateway.notifications.NotificationEvent;
import dev.subsidy.gateway.support.MigratedDatabases;
import dev.subsidy.gateway.support.MigratedDatabases.Database;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The incident store's SQL on both databases, migrated by the gateway's own migrations: one open
 * incident per event and subject, and per webhook the notices it still owes — read again by a second
 * store over the same database, as a restarted gateway reads them.
 */
class JdbcIncidentStoreIT {

    private static final MigratedDatabases DATABASES = new MigratedDatabases("incident-storage");
    private static final Instant T0 = Instant.parse("2026-11-03T02:00:00Z");
    private static final Set<NotificationEvent> ALL = EnumSet.allOf(NotificationEvent.class);

    private static JdbcTemplate jdbc(Database db) {
        return DATABASES.jdbc(db);
    }

    @AfterAll
    static void closeSources() {
        DATABASES.close();
    }

    @ParameterizedTest
    @EnumSource(Database.class)
    void onlyOneIncidentPerEventAndSubjectIsOpenAtATime(Database db) {
        IncidentStore store = new JdbcIncidentStore(jdbc(db));
        String subject = "one-open-" + UUID.randomUUID();
        Incident first = incident(NotificationEvent.CONNECTOR_FAILING, subject, T0);
        assertThat(store.open(first)).isTrue();
        assertThat(store.open(incident(NotificationEvent.CONNECTOR_FAILING, subject, T0.plusSeconds(30)))).isFalse();
        assertThat(store.open(incident(NotificationEvent.DELIVERY_PAUSED, subject, T0))).as("another event").isTrue();
        assertThat(store.open().stream().filter(i -> i.subject().equals(subject)).map(Incident::id))
                .hasSize(2).contains(first.id());

        store.resolve(first.id(), T0.plusSeconds(60));
        assertThat(store.open(incident(NotificationEvent.CONNECTOR_FAILING, subject, T0.plusSeconds(90))))
                .as("the condition came back: a new incident").isTrue();
    }

    @ParameterizedTest
    @EnumSource(Database.class)
    void aNoticeOnceTakenIsNeverDueAgainEvenToASecondStoreOverTheSameDatabase(Database db) {
        IncidentStore store = new JdbcIncidentStore(jdbc(db));
        String hookA = "a-" + UUID.randomUUID().toString().substring(0, 8);
        String hookB = "b-" + UUID.randomUUID().toString().substring(0, 8);
        Incident incident = incident(NotificationEvent.DELIVERY_PAUSED, "delivery-" + hookA, T0);
        store.open(incident);
        assertThat(due(store, hookA, ALL, incident)).containsExactly(new IncidentStore.Due(incident, Notice.OPENED));

        store.attemptFailed(incident.id(), hookA, "HTTP 500: down", T0.plusSeconds(1));
        assertThat(due(store, hookA, ALL, incident)).as("a failed attempt leaves it due").hasSize(1);
        store.delivered(incident.id(), hookA, Notice.OPENED, T0.plusSeconds(2));

        IncidentStore restarted = new JdbcIncidentStore(jdbc(db));
        assertThat(due(restarted, hookA, ALL, incident)).isEmpty();
        assertThat(due(restarted, hookB, ALL, incident)).as("another webhook has not taken it")
                .containsExactly(new IncidentStore.Due(incident, Notice.OPENED));
        assertThat(due(restarted, hookB, EnumSet.of(NotificationEvent.CONNECTOR_FAILING), incident)).as("not subscribed").isEmpty();
        assertThat(jdbc(db).queryForObject("SELECT attempts FROM notification_notice WHERE incident_id = ? AND webhook = ?",
                Integer.class, incident.id(), hookA)).isEqualTo(2);
    }

    @ParameterizedTest
    @EnumSource(Database.class)
    void aResolutionIsOwedOnlyToTheWebhooksThatTookTheOpening(Database db) {
        IncidentStore store = new JdbcIncidentStore(jdbc(db));
        String told = "told-" + UUID.randomUUID().toString().substring(0, 8);
        String neverReached = "never-" + UUID.randomUUID().toString().substring(0, 8);
        Incident incident = incident(NotificationEvent.DELIVERY_BACKLOG_OLD, "delivery-" + told, T0);
        store.open(incident);
        store.delivered(incident.id(), told, Notice.OPENED, T0.plusSeconds(1));
        store.attemptFailed(incident.id(), neverReached, "ConnectException: refused", T0.plusSeconds(1));

        Instant resolvedAt = T0.plusSeconds(600);
        store.resolve(incident.id(), resolvedAt);
        assertThat(store.open()).extracting(Incident::id).doesNotContain(incident.id());
        Incident resolved = new Incident(incident.id(), incident.event(), incident.subject(), incident.reason(),
                incident.openedAt(), resolvedAt);
        assertThat(due(store, told, ALL, incident)).containsExactly(new IncidentStore.Due(resolved, Notice.RESOLVED));
        assertThat(due(store, neverReached, ALL, incident)).as("over before it was told: nothing owed").isEmpty();

        store.delivered(incident.id(), told, Notice.RESOLVED, resolvedAt.plusSeconds(1));
        assertThat(due(new JdbcIncidentStore(jdbc(db)), told, ALL, incident)).isEmpty();
    }

    /** What {@code webhook} owes for {@code incident}: the tests share one database per kind. */
    private static List<IncidentStore.Due> due(IncidentStore store, String webhook, Set<NotificationEvent> events,
                                                         Incident incident) {
        return store.due(webhook, events).stream().filter(d -> d.incident().id().equals(incident.id())).toList();
    }

    private static Incident incident(NotificationEvent event, String subject, Instant at) {
        return new Incident(UUID.randomUUID().toString(), event, subject, "why it opened", at, null);
    }
}
