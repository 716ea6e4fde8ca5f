package dev.subsidy.gateway.delivery;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * One outbox row as operators see it ({@code GET /api/v1/deliveries}).
 *
 * @param nextAttemptAt when the worker will send it next; only for PENDING batches
 * @param lastStatus the HTTP status of the last reply; absent when none came (timeout, reset)
 * @param lastResponse the last reply body, or the fault, cut to {@link DeliveryStore#MAX_REPLY_CHARS}
 * @param body the batch exactly as sent; only when asked for ({@code withBody=true})
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DeliveryView(
        String id,
        DeliveryKind kind,
        String period,
        int items,
        DeliveryStatus status,
        int attempts,
        Instant nextAttemptAt,
        Integer lastStatus,
        String lastResponse,
        Instant createdAt,
        Instant updatedAt,
        String body) {}
