package dev.subsidy.gateway.notifications;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One check: opens an incident for each condition that started, resolves each whose condition cleared,
 * then sends each webhook what it has not yet taken. Everything a later check needs is in the
 * {@link IncidentStore}, so a restart (or a second notifier over the same database) neither forgets an
 * incident nor repeats a notice a webhook took. Called by one timer thread only.
 */
class IncidentNotifier {

    private static final Logger log = LoggerFactory.getLogger(IncidentNotifier.class);

    private final List<Watch> watches;
    private final List<Webhook> webhooks;
    private final IncidentStore store;
    private final WebhookClient client;
    private final NoticeBody bodies;
    private final NotificationCounter counter;
    private final Clock clock;

    IncidentNotifier(List<Watch> watches, List<Webhook> webhooks, IncidentStore store, WebhookClient client,
                     NoticeBody bodies, NotificationCounter counter, Clock clock) {
        this.watches = List.copyOf(watches);
        this.webhooks = List.copyOf(webhooks);
        this.store = store;
        this.client = client;
        this.bodies = bodies;
        this.counter = counter;
        this.clock = clock;
    }

    /** @return the notices delivered by this check */
    int check() {
        track(clock.instant());
        int delivered = 0;
        for (Webhook webhook : webhooks) {
            delivered += notify(webhook);
        }
        return delivered;
    }

    private void track(Instant now) {
        Map<String, Incident> open = new HashMap<>();
        for (Incident incident : store.open()) {
            open.put(incident.event() + "/" + incident.subject(), incident);
        }
        for (Watch watch : watches) {
            for (Watch.Finding finding : watch.findings(now)) {
                Incident known = open.remove(watch.event() + "/" + finding.subject());
                if (known == null) {
                    Incident incident = new Incident(UUID.randomUUID().toString(), watch.event(), finding.subject(),
                            finding.reason(), now, null);
                    if (store.open(incident)) {
                        log.warn("incident {} opened: {} {}: {}", incident.id(), incident.event(), incident.subject(),
                                incident.reason());
                    }
                }
            }
            for (Incident incident : List.copyOf(open.values())) {
                if (incident.event() == watch.event() && watch.cleared(incident, now)) {
                    store.resolve(incident.id(), now);
                    open.remove(incident.event() + "/" + incident.subject());
                    log.info("incident {} resolved: {} {}", incident.id(), incident.event(), incident.subject());
                }
            }
        }
    }

    /** Sends what the webhook has not taken, oldest first; stops at its first failure until the next check. */
    private int notify(Webhook webhook) {
        List<IncidentStore.Due> due = store.due(webhook.key(), webhook.events());
        int delivered = 0;
        for (IncidentStore.Due notice : due) {
            Incident incident = notice.incident();
            WebhookClient.Reply reply = client.post(webhook, incident.id() + "/" + notice.notice(),
                    bodies.of(incident, notice.notice()));
            Instant now = clock.instant();
            if (reply.ok()) {
                store.delivered(incident.id(), webhook.key(), notice.notice(), now);
                counter.count(incident.event(), notice.notice() == IncidentStore.Notice.OPENED
                        ? NotificationCounter.Outcome.DELIVERED : NotificationCounter.Outcome.RESOLVED);
                delivered++;
                log.info("webhook {} took the {} notice of incident {} ({} {})", webhook.safeName(), notice.notice(),
                        incident.id(), incident.event(), incident.subject());
            } else {
                store.attemptFailed(incident.id(), webhook.key(), reply.describe(), now);
                counter.count(incident.event(), NotificationCounter.Outcome.FAILED);
                log.warn("webhook {} did not take the {} notice of incident {} ({}); {} notices wait for the next check",
                        webhook.safeName(), notice.notice(), incident.id(), reply.describe(), due.size() - delivered);
                break; // it is down or refusing: the rest would fail alike
            }
        }
        return delivered;
    }
}
