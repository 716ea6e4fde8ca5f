package dev.subsidy.model;

import java.time.Instant;

/**
 * One trace event of a parcel: what happened, when, and where (a division code, or a facility code
 * of the carrier when the partner names no region).
 */
public record Scan(ScanType type, Instant at, String region, String facility) {}
