package dev.subsidy.verification;

/**
 * The id of every rule that can mark a record, as docs/verification.md lists them with their
 * thresholds. Ids are stable: reviewers filter by them and decisions cite them.
 */
public final class Rules {

    // eligibility (registry and jurisdiction): REJECTED
    public static final String SHOP_UNREGISTERED = "registry.shop-unregistered";
    public static final String SELLER_TYPE = "registry.seller-type";
    public static final String SELLER_OUTSIDE = "jurisdiction.seller-outside";
    public static final String UNRELATED = "jurisdiction.unrelated";

    // consistency: SUSPECT
    public static final String ORIGIN_UNPLACED = "jurisdiction.origin-unplaced";
    public static final String UNATTRIBUTABLE = "attribution.unattributable";
    public static final String CREDIT_CODE = "identity.credit-code";
    public static final String MERCHANT_MISMATCH = "identity.merchant-mismatch";

    // fraud signals: SUSPECT (DUPLICATE for the same parcel in another form)
    public static final String DELIVERED_BEFORE_COLLECTED = "timeline.delivered-before-collected";
    public static final String COLLECTED_BEFORE_PAID = "timeline.collected-before-paid";
    public static final String BUYER_CONCENTRATION = "brushing.buyer-concentration";
    public static final String UNIFORM_BURST = "brushing.uniform-burst";
    public static final String HOLLOW_PARCEL = "parcel.hollow";
    public static final String WAYBILL_SHAPE = "waybill.shape";
    public static final String SAME_PARCEL = "waybill.same-parcel";
    public static final String WAYBILL_REUSE = "waybill.reuse";
    public static final String PLACE_MISMATCH = "place.mismatch";
    public static final String REFUND_CLAIMED = "order.refunded-claimed";
    public static final String CANCELLED_CARRIED = "parcel.cancelled-order";
    public static final String CROSS_BORDER_UNPROVEN = "crossborder.no-s10";
    public static final String SOURCE_CONFLICT = "source.conflict";
    public static final String BASELINE_SPIKE = "volume.baseline-spike";
    public static final String TRACE_UNCONFIRMED = "trace.unconfirmed";
    public static final String LINKED = "linked.suspect";

    private Rules() {
    }

    /** Whether the rule is a fraud signal (as opposed to eligibility or data consistency). */
    public static boolean isFraudSignal(String rule) {
        return rule.startsWith("timeline.") || rule.startsWith("brushing.") || rule.startsWith("parcel.")
                || rule.startsWith("waybill.") || rule.startsWith("place.") || rule.startsWith("order.")
                || rule.startsWith("crossborder.") || rule.startsWith("trace.") || rule.startsWith("source.") || rule.startsWith("volume.");
    }
}
