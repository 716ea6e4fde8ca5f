package dev.subsidy.verification;

/** Which way a parcel crossed the jurisdiction's border (docs/figures.md "Parcel metrics"). */
public enum Direction {
    /** 出港: collected inside, destined outside. */
    OUTBOUND,
    /** 进港: collected outside, delivered inside. */
    INBOUND,
    /** collected and delivered inside. */
    LOCAL,
    /** neither end inside: none of the jurisdiction's business. */
    UNRELATED,
    /** the origin cannot be placed. */
    UNKNOWN
}
