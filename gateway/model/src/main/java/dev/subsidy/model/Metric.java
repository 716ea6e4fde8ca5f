package dev.subsidy.model;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The names of the figures rules are paid on.
 *
 * <p>{@link Source#FEED} metrics are measured by the gateway from verified records (see the figures
 * contract); a feed figure that was not published means "no record counted", so the engine reads it as
 * 0. {@link Source#ADMIN} metrics are entered by an administrator because no feed carries them; a missing
 * administrator figure is unknown, and a rule that needs it is reported as not computable.
 */
public enum Metric {
    PARCELS_OUTBOUND(Source.FEED, Unit.PARCEL, SubjectType.EXPRESS_COMPANY),
    PARCELS_OUTBOUND_ECOMMERCE(Source.FEED, Unit.PARCEL, SubjectType.EXPRESS_COMPANY),
    PARCELS_OUTBOUND_LOCAL_PRODUCTS(Source.FEED, Unit.PARCEL, SubjectType.EXPRESS_COMPANY),
    PARCELS_INBOUND(Source.FEED, Unit.PARCEL, SubjectType.EXPRESS_COMPANY),
    PARCELS_CROSS_BORDER(Source.FEED, Unit.PARCEL, SubjectType.MERCHANT, SubjectType.EXPRESS_COMPANY),
    PARCELS_SHIPPED(Source.FEED, Unit.PARCEL, SubjectType.MERCHANT),
    PARCELS_DELIVERED(Source.FEED, Unit.PARCEL, SubjectType.LOGISTICS_CENTRE),
    SALES_NET(Source.FEED, Unit.CNY, SubjectType.MERCHANT, SubjectType.STATION, SubjectType.TOWN),
    SALES_NET_B2B(Source.FEED, Unit.CNY, SubjectType.MERCHANT),
    SALES_NET_B2C(Source.FEED, Unit.CNY, SubjectType.MERCHANT),
    SALES_NET_C2C(Source.FEED, Unit.CNY, SubjectType.MERCHANT),
    SALES_NET_CROSS_BORDER(Source.FEED, Unit.CNY, SubjectType.MERCHANT),
    SALES_NET_AGRICULTURAL(Source.FEED, Unit.CNY, SubjectType.MERCHANT, SubjectType.TOWN),
    SALES_NET_LOCAL_PRODUCT(Source.FEED, Unit.CNY, SubjectType.MERCHANT, SubjectType.TOWN),
    SALES_NET_BAKERY(Source.FEED, Unit.CNY, SubjectType.MERCHANT, SubjectType.TOWN),
    ORDERS(Source.FEED, Unit.ORDER, SubjectType.MERCHANT, SubjectType.STATION),

    /** 开票销售: invoiced sales, from the firm's tax invoices. */
    INVOICED_SALES(Source.ADMIN, Unit.CNY),
    /** 网上交易额: a firm's online transaction volume over all its channels, as it declares it. */
    ONLINE_TRANSACTIONS(Source.ADMIN, Unit.CNY),
    /** 注册收费会员: paying members of a third-party platform. */
    PLATFORM_MEMBERS(Source.ADMIN, Unit.COUNT),
    /** 缴纳社会保险从业人员: staff with social insurance paid. */
    INSURED_STAFF(Source.ADMIN, Unit.COUNT),
    /** 年经营收入: annual operating revenue. */
    OPERATING_REVENUE(Source.ADMIN, Unit.CNY),
    /** 整合快递企业: express firms a logistics centre integrates. */
    INTEGRATED_EXPRESS_FIRMS(Source.ADMIN, Unit.COUNT);

    /** Where a metric's figures come from. */
    public enum Source {
        /** Measured by the gateway from connector records. */
        FEED,
        /** Entered by an administrator, with who entered it and when. */
        ADMIN
    }

    private final Source source;
    private final Unit unit;
    private final Set<SubjectType> subjectTypes;

    Metric(Source source, Unit unit, SubjectType... subjectTypes) {
        this.source = source;
        this.unit = unit;
        this.subjectTypes = subjectTypes.length == 0
                ? EnumSet.allOf(SubjectType.class)
                : EnumSet.of(subjectTypes[0], subjectTypes);
    }

    public Source source() {
        return source;
    }

    /** The metrics the gateway measures from feeds, in the order of the figures contract. */
    public static List<Metric> measured() {
        return Arrays.stream(values()).filter(m -> m.source == Source.FEED).toList();
    }

    public Unit unit() {
        return unit;
    }

    /** Whether the gateway publishes (or an administrator may enter) this metric for subjects of that type. */
    public boolean appliesTo(SubjectType type) {
        return subjectTypes.contains(type);
    }
}
