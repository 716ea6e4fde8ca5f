package dev.subsidy.gateway.metrics;

/**
 * Every meter the gateway adds to Micrometer's, in one place; each is described in
 * docs/operations.md "Metrics" (type, tags, meaning). Prometheus shows them with dots as underscores
 * and its own suffixes ({@code gateway_connector_records_total}, {@code …_seconds_count}).
 */
public final class MetricNames {

    /** Counter: records stored per connector and outcome ({@link #OUTCOME} accepted, duplicate, rejected). */
    public static final String CONNECTOR_RECORDS = "gateway.connector.records";
    /** Counter: records that came in per connector, whatever became of them. */
    public static final String CONNECTOR_RECORDS_IN = "gateway.connector.records.in";
    /** Timer: a pull connector's runs, tagged with {@link #OUTCOME} success or failure. */
    public static final String CONNECTOR_POLL = "gateway.connector.poll";
    /** Counter: failed runs of a pull connector. */
    public static final String CONNECTOR_FAILURES = "gateway.connector.failures";
    /** Gauge: seconds since a pull connector's checkpoint last moved (NaN before it ever moved). */
    public static final String CONNECTOR_CHECKPOINT_AGE = "gateway.connector.checkpoint.age";
    /** Gauge: connectors in each {@link #STATE}. */
    public static final String CONNECTORS = "gateway.connectors";

    /** Counter: records given each status at a close, by {@link #KIND} and {@link #STATUS}. */
    public static final String VERIFICATION_RECORDS = "gateway.verification.records";
    /** Counter: findings of each rule at a close, by {@link #RULE} and {@link #STATUS}. */
    public static final String VERIFICATION_FINDINGS = "gateway.verification.findings";
    /** Timer: period closes that committed. */
    public static final String CLOSE = "gateway.close";

    /** Gauge: PENDING delivery batches. */
    public static final String DELIVERY_BACKLOG = "gateway.delivery.backlog";
    /** Gauge: seconds since the oldest PENDING batch was queued (0 when none waits). */
    public static final String DELIVERY_OLDEST_PENDING_AGE = "gateway.delivery.oldest.pending.age";
    /** Counter: pushes to the award intake by {@link #REPLY} class (2xx, 3xx, 4xx, 5xx, io). */
    public static final String DELIVERY_ATTEMPTS = "gateway.delivery.attempts";
    /** Gauge: 1 for the award intake circuit breaker's current {@link #STATE}, 0 for the others. */
    public static final String DELIVERY_BREAKER = "gateway.delivery.breaker";
    /** Gauge: 1 while pushing is paused (401/403 or no secret), else 0. */
    public static final String DELIVERY_PAUSED = "gateway.delivery.paused";

    /**
     * Counter: notices to webhooks by {@link #EVENT} and {@link #OUTCOME} (delivered, resolved, failed);
     * docs/operations.md "Notifications".
     */
    public static final String NOTIFICATIONS = "gateway.notifications";

    public static final String CONNECTOR = "connector";
    public static final String OUTCOME = "outcome";
    public static final String STATE = "state";
    public static final String KIND = "kind";
    public static final String STATUS = "status";
    public static final String RULE = "rule";
    public static final String REPLY = "reply";
    public static final String EVENT = "event";

    private MetricNames() {}
}
