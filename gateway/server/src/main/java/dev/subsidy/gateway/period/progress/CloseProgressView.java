package dev.subsidy.gateway.period.progress;

import java.time.Instant;

/**
 * The running or last close of a period as {@code GET /api/v1/periods/{period}/progress} shows it.
 *
 * @param phase the phase running now, or the last one when the close has ended
 * @param done units of the phase done so far
 * @param total units the phase has; 0 when it could not be counted up front
 * @param finishedAt null while the close runs
 * @param outcome null while the close runs, then {@code CLOSED} or {@code FAILED: <reason>}
 */
public record CloseProgressView(String period, String phase, long done, long total, Instant startedAt,
                                Instant finishedAt, String outcome) {}
