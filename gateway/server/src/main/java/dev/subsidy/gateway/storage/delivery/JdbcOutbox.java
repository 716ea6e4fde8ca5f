package dev.subsidy.gateway.storage.delivery;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.subsidy.gateway.GatewayProperties;
import dev.subsidy.gateway.delivery.DeliveryKind;
import dev.subsidy.gateway.delivery.DeliveryProperties;
import dev.subsidy.gateway.delivery.Outbox;
import dev.subsidy.gateway.storage.RecordingCores;
import dev.subsidy.verification.SecondCore;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The JDBC implementation of {@link Outbox}.
 * Queues figures and award lines for the award intake. It must be called inside the transaction
 * that writes them ({@link Propagation#MANDATORY}): either both are committed or neither, so no
 * figure is published without being pushed and no push carries a figure that was rolled back.
 */
@Component
public class JdbcOutbox implements Outbox {

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final GatewayProperties gateway;
    private final DeliveryProperties settings;
    private final Clock clock;

    /** Batch bodies made before they are stored. */
    private static final int BODIES_AT_ONCE = 16;

    private final SecondCore cores;

    public JdbcOutbox(JdbcTemplate jdbc, ObjectMapper json, GatewayProperties gateway, DeliveryProperties settings,
                      Clock clock, RecordingCores cores) {
        this.jdbc = jdbc;
        this.json = json;
        this.gateway = gateway;
        this.settings = settings;
        this.clock = clock;
        this.cores = cores.cores();
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public int enqueue(DeliveryKind kind, String period, List<?> items) {
        int size = settings.batchSize();
        int batches = (items.size() + size - 1) / size;
        // each batch's body made on whichever of the two threads is free, then stored in order on this one; a few
        // at a time, so that the bodies held at once stay a few batches' worth however many a close queues
        for (int first = 0; first < batches; first += BODIES_AT_ONCE) {
            int from = first;
            Batch[] made = new Batch[Math.min(BODIES_AT_ONCE, batches - first)];
            cores.forEach(made.length, b -> made[b] = batch(kind, items.subList((from + b) * size,
                    Math.min(items.size(), (from + b + 1) * size))));
            for (Batch batch : made) {
                store(kind, period, batch);
            }
        }
        return batches;
    }

    /** A batch's id, its items' count and its body, as queued. */
    private record Batch(String id, int items, Instant createdAt, String body) {}

    private Batch batch(DeliveryKind kind, List<?> slice) {
        Instant now = clock.instant();
        String batchId = kind.batchIdPrefix() + UUID.randomUUID();
        ObjectNode body = json.createObjectNode();
        body.put("batchId", batchId);
        ObjectNode jurisdiction = body.putObject("jurisdiction");
        jurisdiction.put("name", gateway.jurisdiction().name());
        ArrayNode regions = jurisdiction.putArray("regions");
        gateway.jurisdiction().regions().forEach(regions::add);
        body.put("generatedAt", now.toString());
        // items are written as they are, not turned into trees first: a close queues a hundred thousand figures
        ArrayNode items = body.putArray(kind.itemsField());
        for (Object item : slice) {
            if (item instanceof JsonNode node) {
                items.add(node);
            } else {
                items.addPOJO(item);
            }
        }
        try {
            return new Batch(batchId, slice.size(), now, json.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise a " + kind + " batch", e);
        }
    }

    private void store(DeliveryKind kind, String period, Batch batch) {
        Instant now = batch.createdAt();
        jdbc.update("""
                INSERT INTO delivery (id, kind, period, items, body, status, attempts, next_attempt_at,
                                      created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, 'PENDING', 0, ?, ?, ?)""",
                batch.id(), kind.name(), period, batch.items(), batch.body(), now.toEpochMilli(), now.toEpochMilli(),
                now.toEpochMilli());
    }
}
