package dev.subsidy.verification;

import java.time.Instant;

/**
 * What a carrier's own trace query said about a claimed parcel (docs/verification.md "Trace verification"
 * verification"): it confirmed the parcel moved, did not know the waybill, or told a story that
 * contradicts the feed (another origin, no collection, a later collection…).
 *
 * @param connector the trace-query connector asked
 * @param detail what was compared, in words a reviewer understands
 */
public record TraceCheck(String naturalKey, Outcome outcome, String detail, Instant checkedAt, String connector) {

    public enum Outcome { CONFIRMED, UNKNOWN, CONTRADICTS }
}
