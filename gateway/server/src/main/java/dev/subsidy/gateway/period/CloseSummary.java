package dev.subsidy.gateway.period;

import java.util.List;
import java.util.Map;

/**
 * The reply to a period close: records by status (duplicates count every identical copy received),
 * the most frequent reasons, what was published and queued, and the clauses that could not be
 * computed with the reason (never silently skipped).
 */
public record CloseSummary(
        String period,
        Map<String, Integer> shipments,
        Map<String, Integer> orders,
        Map<String, Integer> reasons,
        int figures,
        int figuresRevised,
        int awardLines,
        int awardLinesRevised,
        int deliveriesQueued,
        List<String> notComputable) {}
