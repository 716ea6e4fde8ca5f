package dev.subsidy.gateway.figures;

/** Every metric of docs/figures.md, with its unit. */
public enum Metric {
    PARCELS_OUTBOUND(Unit.PARCEL),
    PARCELS_OUTBOUND_ECOMMERCE(Unit.PARCEL),
    PARCELS_OUTBOUND_LOCAL_PRODUCTS(Unit.PARCEL),
    PARCELS_INBOUND(Unit.PARCEL),
    PARCELS_CROSS_BORDER(Unit.PARCEL),
    PARCELS_SHIPPED(Unit.PARCEL),
    PARCELS_DELIVERED(Unit.PARCEL),
    SALES_NET(Unit.CNY),
    SALES_NET_B2B(Unit.CNY),
    SALES_NET_B2C(Unit.CNY),
    SALES_NET_C2C(Unit.CNY),
    SALES_NET_CROSS_BORDER(Unit.CNY),
    SALES_NET_AGRICULTURAL(Unit.CNY),
    SALES_NET_LOCAL_PRODUCT(Unit.CNY),
    SALES_NET_BAKERY(Unit.CNY),
    ORDERS(Unit.ORDER);

    private final Unit unit;

    Metric(Unit unit) {
        this.unit = unit;
    }

    public Unit unit() {
        return unit;
    }
}
