package dev.subsidy.gateway.delivery;

import dev.subsidy.gateway.delivery.DeliveryKind;
import dev.subsidy.gateway.delivery.DeliveryProperties;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.subsidy.gateway.GatewayProperties;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Queues figures and award lines for the award intake. It must be called inside the transaction
 * that writes them ({@link Propagation#MANDATORY}): either both are committed or neither, so no
 * figure is published without being pushed and no push carries a figure that was rolled back.
 */
public interface Outbox {

    /** Splits the items into batches of {@code gateway.award.batch-size} and stores each, PENDING. */
    int enqueue(DeliveryKind kind, String period, List<ObjectNode> items);
}
