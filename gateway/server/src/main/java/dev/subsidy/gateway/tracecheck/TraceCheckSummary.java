package dev.subsidy.gateway.tracecheck;

import java.util.List;
import java.util.Map;

/**
 * The reply of {@code POST /api/v1/periods/{period}/trace-checks} (docs/api.md).
 *
 * @param eligible the period's claimed e-commerce parcels not REJECTED
 * @param sampled those the sample takes (all of them at most {@code all-below})
 * @param alreadyChecked sampled parcels checked by an earlier run, not asked again
 * @param selected sampled parcels asked about now
 * @param checked selected parcels the carrier answered about (confirmed + unknown + contradicts)
 * @param unchecked selected parcels of a carrier without a usable trace-query connector
 * @param failed selected parcels left unchecked by a carrier error (asked again by the next run)
 * @param uncheckedCarriers per carrier without a connector: why
 * @param failures the first carrier errors, one per parcel
 */
record TraceCheckSummary(String period, int eligible, int sampled, int alreadyChecked, int selected, int checked,
                         int confirmed, int unknown, int contradicts, int unchecked, int failed,
                         Map<String, String> uncheckedCarriers, List<Failure> failures) {

    /** A parcel a carrier error left unchecked. */
    record Failure(String naturalKey, String connector, String reason) {}
}
