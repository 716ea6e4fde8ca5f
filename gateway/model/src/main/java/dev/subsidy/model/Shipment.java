package dev.subsidy.model;

import java.time.Instant;

/**
 * A standard shipment record (运单), as validated at intake. Natural key: carrier and waybill
 * number, since two carriers may issue the same digits.
 */
public record Shipment(
        Carrier carrier,
        String waybillNo,
        Instant collectedAt,
        String originRegion,
        String originSite,
        String destRegion,
        String destCountry,
        Instant deliveredAt,
        String deliveredRegion,
        String deliverySite,
        String orderRef,
        String shipperId,
        Integer weightGrams,
        Integer traceEvents,
        Instant updatedAt) {

    public String naturalKey() {
        return key(carrier, waybillNo);
    }

    public static String key(Carrier carrier, String waybillNo) {
        return carrier.name() + ":" + waybillNo;
    }
}
