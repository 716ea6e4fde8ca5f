package dev.subsidy.gateway.connectors;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.subsidy.connector.api.ConnectorKind;
import dev.subsidy.runtime.ConnectorCounters;
import dev.subsidy.runtime.ConnectorInstance;
import dev.subsidy.runtime.ConnectorState;
import dev.subsidy.runtime.ConnectorStatus;
import dev.subsidy.runtime.RunTally;
import dev.subsidy.runtime.pull.CheckpointStore;
import java.time.Instant;
import java.util.Map;

/**
 * One connector in the list (docs/api.md "Connectors"): type, state, last success, records in and
 * rejected, the last error, and the definition as given (secrets as {@code ${env:NAME}} only).
 *
 * @param kind PULL, PUSH or FILE; null when the type is unknown
 * @param nextRunAt when a pull connector runs next (schedule, backoff or run now), or when a failing
 *     file connector reads its inbox again
 * @param checkpoint how far a pull connector has read (its last committed checkpoint: a window end,
 *     a page, a cursor), and when it last moved; null for other kinds
 * @param run while a pull connector runs, the pages stored and records read so far by the run; else null
 */
record ConnectorView(
        String id,
        String type,
        String kind,
        String mapping,
        ConnectorState state,
        Instant lastSuccess,
        long recordsIn,
        long accepted,
        long duplicates,
        long rejected,
        int failures,
        String lastError,
        Instant lastErrorAt,
        Instant nextRunAt,
        Map<String, String> checkpoint,
        Instant checkpointMovedAt,
        RunTally.Progress run,
        ObjectNode definition) {

    static ConnectorView of(ConnectorInstance instance, ConnectorCounters.Counts counts, ObjectNode definition,
                            CheckpointStore checkpoints) {
        boolean pull = instance.kind().orElse(null) == ConnectorKind.PULL;
        Map<String, String> checkpoint = pull ? checkpoints.load(instance.id(), instance.definition().type()).asMap() : null;
        Instant moved = pull ? checkpoints.lastMoved(instance.id()).orElse(null) : null;
        ConnectorStatus.Snapshot s = instance.status().snapshot();
        Instant lastSuccess = s.lastSuccess() == null ? counts.lastBatch()
                : counts.lastBatch() != null && counts.lastBatch().isAfter(s.lastSuccess()) ? counts.lastBatch() : s.lastSuccess();
        return new ConnectorView(instance.id(), instance.definition().type(),
                instance.kind().map(Enum::name).orElse(null), instance.definition().effectiveMapping(), s.state(),
                lastSuccess, counts.recordsIn(), counts.accepted(), counts.duplicates(), counts.rejected(), s.failures(),
                s.lastError(), s.lastErrorAt(), nextRun(instance.kind().orElse(null), s), checkpoint, moved,
                instance.status().runProgress().orElse(null), definition);
    }

    /** A file connector reads files as they come: only its backoff after a failure has a time. */
    private static Instant nextRun(ConnectorKind kind, ConnectorStatus.Snapshot s) {
        return kind == ConnectorKind.PULL || kind == ConnectorKind.FILE && s.failures() > 0 ? s.nextRunAt() : null;
    }
}
