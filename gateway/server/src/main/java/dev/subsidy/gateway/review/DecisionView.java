package dev.subsidy.gateway.review;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.subsidy.gateway.storage.review.JdbcReviewBook;
import dev.subsidy.verification.Review;
import java.time.Instant;
import java.util.Locale;

/**
 * A reviewer's decision as the API shows it.
 *
 * @param holds whether it was taken on the content the record holds now; one that does not is kept
 *     in the history but no longer applied (the new content is screened afresh)
 * @param via the filter a bulk decision was made through; absent when the record was named
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DecisionView(String decision, String reason, String reviewer, Instant decidedAt, String contentHash,
                           boolean holds, JdbcReviewBook.Via via) {

    public static DecisionView of(JdbcReviewBook.Decision d, String currentContentHash) {
        Review r = d.review();
        return new DecisionView(r.outcome().name().toLowerCase(Locale.ROOT), r.reason(), r.reviewer(), r.decidedAt(),
                r.contentHash(), r.holdsFor(currentContentHash), d.via());
    }

}
