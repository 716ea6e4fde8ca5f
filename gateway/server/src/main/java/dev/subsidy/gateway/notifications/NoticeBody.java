package dev.subsidy.gateway.notifications;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;

/**
 * The JSON a webhook receives (docs/operations.md "Notifications"): {@code event}, {@code incident},
 * {@code status} (OPEN or RESOLVED), {@code subject}, {@code reason}, {@code openedAt}, {@code resolvedAt}
 * (only when resolved) and {@code gateway} (the jurisdiction's name, telling gateways apart).
 */
final class NoticeBody {

    private final ObjectMapper json;
    private final String gateway;

    NoticeBody(ObjectMapper json, String gateway) {
        this.json = json;
        this.gateway = gateway;
    }

    byte[] of(Incident incident, IncidentStore.Notice notice) {
        ObjectNode body = json.createObjectNode();
        body.put("event", incident.event().name());
        body.put("incident", incident.id());
        body.put("status", notice == IncidentStore.Notice.OPENED ? "OPEN" : "RESOLVED");
        body.put("subject", incident.subject());
        body.put("reason", incident.reason());
        body.put("openedAt", incident.openedAt().toString());
        if (notice == IncidentStore.Notice.RESOLVED && incident.resolvedAt() != null) {
            body.put("resolvedAt", incident.resolvedAt().toString());
        }
        body.put("gateway", gateway);
        try {
            return json.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of strings always serialises", e);
        }
    }
}
