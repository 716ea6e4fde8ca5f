package dev.subsidy.verification;

/**
 * How far a source's word goes (来源可信度): a carrier's own API or push over a marketplace's API over
 * a branch's or merchant's export over manual entry. A less trusted source may add facts; it may not
 * overturn a more trusted one's direction, origin, refund or cancellation.
 */
public enum TrustLevel {
    MANUAL, EXPORT, MARKETPLACE, CARRIER;

    public boolean above(TrustLevel other) {
        return compareTo(other) > 0;
    }

    public String describe() {
        return switch (this) {
            case CARRIER -> "a carrier's own feed";
            case MARKETPLACE -> "a marketplace's API";
            case EXPORT -> "a branch or merchant export";
            case MANUAL -> "manual entry";
        };
    }
}
