package dev.subsidy.gateway.review;

import dev.subsidy.verification.Finding;

/** One rule's conclusion about a record, as the API shows it. */
public record FindingView(String rule, String outcome, String reason) {

    public static FindingView of(Finding f) {
        return new FindingView(f.rule(), f.outcome().name(), f.reason());
    }
}
