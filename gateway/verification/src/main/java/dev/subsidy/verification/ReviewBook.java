package dev.subsidy.verification;

import dev.subsidy.model.RecordKind;
import java.util.Collection;
import java.util.Map;

/** Where reviewers' decisions are kept (docs/verification.md "Review queue"). */
public interface ReviewBook {

    /** The latest decision on each of the records that has one, keyed by natural key. */
    Map<String, Review> decisions(RecordKind kind, Collection<String> naturalKeys);

    /** A book with no decisions in it. */
    ReviewBook NONE = (kind, keys) -> Map.of();
}
