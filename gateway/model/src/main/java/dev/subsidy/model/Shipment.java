package dev.subsidy.model;

import java.time.Instant;
import java.util.List;

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
        Instant updatedAt,
        List<Scan> scans,
        PaymentMethod paymentMethod,
        String receiverHash) {

    public Shipment {
        scans = scans == null ? List.of() : List.copyOf(scans);
    }

    /** A shipment as feeds sent it before trace events, payment method and receiver were carried. */
    public Shipment(Carrier carrier, String waybillNo, Instant collectedAt, String originRegion, String originSite,
                    String destRegion, String destCountry, Instant deliveredAt, String deliveredRegion,
                    String deliverySite, String orderRef, String shipperId, Integer weightGrams, Integer traceEvents,
                    Instant updatedAt) {
        this(carrier, waybillNo, collectedAt, originRegion, originSite, destRegion, destCountry, deliveredAt,
                deliveredRegion, deliverySite, orderRef, shipperId, weightGrams, traceEvents, updatedAt, List.of(), null,
                null);
    }

    /** The number of scans known: the events carried, else the count a feed gave. */
    public Integer scanCount() {
        return !scans.isEmpty() ? Integer.valueOf(scans.size()) : traceEvents;
    }

    /** Whether it is addressed outside China. */
    public boolean international() {
        return destCountry != null && !"CN".equals(destCountry);
    }

    public String naturalKey() {
        return key(carrier, waybillNo);
    }

    public static String key(Carrier carrier, String waybillNo) {
        return carrier.name() + ":" + waybillNo;
    }
}
