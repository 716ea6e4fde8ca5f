package dev.subsidy.gateway.review;

import dev.subsidy.gateway.storage.review.JdbcReviewQueue;
import dev.subsidy.model.RecordKind;
import dev.subsidy.verification.Review;
import java.util.List;

/**
 * What a reviewer asked for in {@code POST /api/v1/review/decisions}: one outcome and reason for
 * either the records named ({@code named}, with the entries that could not be read in
 * {@code refused}) or every suspect a filter takes ({@code filter}; then the other two are empty).
 */
record DecisionRequest(Review.Outcome outcome, String reason, List<Named> named, List<Refused> refused,
                       JdbcReviewQueue.Filter filter, String period) {

    /** One record named in {@code records}, at its place in the list. */
    record Named(int index, RecordKind kind, String key) {}

    /** A record that was not decided, with the reason; index is its place in {@code records}, null for a filter's. */
    record Refused(Integer index, String kind, String key, String reason) {}
}
