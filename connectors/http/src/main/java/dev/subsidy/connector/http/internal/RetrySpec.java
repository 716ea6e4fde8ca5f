package dev.subsidy.connector.http.internal;

import static dev.subsidy.connector.http.HttpPullSettings.*;

import dev.subsidy.connector.api.ConnectorConfig;
import java.time.Duration;

/**
 * Retries and the instance's rate limit. Immutable.
 *
 * @param maxAttempts calls per request, the first included
 * @param initialBackoff first backoff
 * @param multiplier backoff growth per attempt
 * @param maxBackoff longest backoff
 * @param maxWait longest single wait inside a poll
 * @param rateLimit calls per period, 0 for none
 * @param ratePeriod the rate limit's period
 */
record RetrySpec(int maxAttempts, Duration initialBackoff, double multiplier, Duration maxBackoff,
                 Duration maxWait, int rateLimit, Duration ratePeriod) {

    static RetrySpec from(ConnectorConfig c) {
        return new RetrySpec(c.getInt(RETRY_MAX_ATTEMPTS), c.getDuration(RETRY_INITIAL_BACKOFF),
                Double.parseDouble(c.getString(RETRY_BACKOFF_MULTIPLIER).trim()), c.getDuration(RETRY_MAX_BACKOFF),
                c.getDuration(RETRY_MAX_WAIT), c.getInt(RATE_LIMIT), c.getDuration(RATE_LIMIT_PERIOD));
    }
}
