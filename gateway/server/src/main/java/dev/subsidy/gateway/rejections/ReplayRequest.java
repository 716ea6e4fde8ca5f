package dev.subsidy.gateway.rejections;

import java.time.Instant;

/**
 * What to replay: the not-yet-replayed rejections of a connector, of one batch and received since an
 * instant when those are given.
 */
record ReplayRequest(String connector, String batch, Instant since) {}
