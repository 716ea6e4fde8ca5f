package dev.subsidy.gateway.delivery;

import java.util.List;
import org.springframework.transaction.annotation.Propagation;
/**
 * Queues figures and award lines for the award intake. It must be called inside the transaction
 * that writes them ({@link Propagation#MANDATORY}): either both are committed or neither, so no
 * figure is published without being pushed and no push carries a figure that was rolled back.
 */
public interface Outbox {

    /**
     * Splits the items (JSON nodes, or objects the gateway's mapper writes as JSON objects) into batches of
     * {@code gateway.award.batch-size} and stores each, PENDING.
     */
    int enqueue(DeliveryKind kind, String period, List<?> items);
}
