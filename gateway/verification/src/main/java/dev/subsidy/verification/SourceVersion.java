package dev.subsidy.verification;

import java.time.Instant;

/**
 * One version of a record as one connector sent it (the audit trail of docs/records.md "Natural keys,
 * duplicates and versions").
 *
 * @param current whether it is the version the record holds now
 */
public record SourceVersion<T>(String connector, Instant receivedAt, boolean current, T record) {}
