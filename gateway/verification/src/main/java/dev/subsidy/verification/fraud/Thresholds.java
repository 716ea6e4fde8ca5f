package dev.subsidy.verification.fraud;

import java.math.BigDecimal;
import java.time.Duration;

/**
 * Every threshold the fraud rules use (docs/verification.md lists each with its rule). The gateway
 * binds them from {@code gateway.verification.rules.*}; {@link #defaults()} are tuned so that honest
 * look-alikes (a live-stream burst at one price, document envelopes, same-day local parcels, cash on
 * delivery, merged shipping) stay clear.
 *
 * @param buyerWindow the window in which one buyer's orders at one shop are counted
 * @param maxOrdersPerBuyer a buyer with this many orders at one shop within the window is brushing
 * @param buyerDayWindow the longer window in which one buyer's orders at one shop are counted
 * @param maxOrdersPerBuyerDay a buyer with this many orders at one shop within the longer window is brushing
 * @param burstWindow the window of a uniform burst
 * @param burstMinOrders orders at one shop within the burst window that make a burst
 * @param burstAmountSpread how far (a share) amounts may lie from the burst's median and still be "one price"
 * @param tinyParcelGrams a parcel at most this heavy is tiny (an empty or near-empty parcel)
 * @param burstTinyShare the share of a burst's weighed parcels that must be tiny for it to be brushing
 * @param maxScansWithoutTransit a parcel with at most this many scans (and none in transit) skipped the network
 * @param minTransitSamePrefecture fastest believable collection-to-delivery within one prefecture
 * @param minTransitSameProvince fastest believable collection-to-delivery within one province
 * @param minTransitElsewhere fastest believable collection-to-delivery between provinces
 * @param paymentTolerance how long before payment a collection scan may lie (clock skew between systems)
 * @param codDeliveryTolerance a payment within this of the delivery is cash on delivery, not a late payment
 * @param reuseCollectionGap versions of one waybill collected further apart than this are two parcels
 * @param sameParcelWindow two reports of one number collected within this are one parcel
 * @param spikeWatchDays days before the claim date (the period's end) watched for spikes
 * @param spikeBaselineDays days before the period whose median day is a shop's baseline
 * @param spikeFactor a watched day at least this many times the baseline is a spike
 * @param spikeMinOrders and has at least this many orders
 * @param shapeMinSample a carrier's numbers in a period needed before a shape misfit is marked
 * @param shapeMinFitShare the share of them that must fit the published shapes for the rest to be marked
 * @param crossBorderMinProvenShare the share of a period's parcels abroad that must show international proof
 *     for those without it to be marked
 */
public record Thresholds(
        Duration buyerWindow,
        int maxOrdersPerBuyer,
        Duration buyerDayWindow,
        int maxOrdersPerBuyerDay,
        Duration burstWindow,
        int burstMinOrders,
        BigDecimal burstAmountSpread,
        int tinyParcelGrams,
        BigDecimal burstTinyShare,
        int maxScansWithoutTransit,
        Duration minTransitSamePrefecture,
        Duration minTransitSameProvince,
        Duration minTransitElsewhere,
        Duration paymentTolerance,
        Duration codDeliveryTolerance,
        Duration reuseCollectionGap,
        Duration sameParcelWindow,
        int spikeWatchDays,
        int spikeBaselineDays,
        int spikeFactor,
        int spikeMinOrders,
        int shapeMinSample,
        BigDecimal shapeMinFitShare,
        BigDecimal crossBorderMinProvenShare) {

    public Thresholds {
        require(buyerWindow, "buyerWindow");
        require(burstWindow, "burstWindow");
        require(buyerDayWindow, "buyerDayWindow");
        require(minTransitSamePrefecture, "minTransitSamePrefecture");
        require(minTransitSameProvince, "minTransitSameProvince");
        require(minTransitElsewhere, "minTransitElsewhere");
        require(paymentTolerance, "paymentTolerance");
        require(codDeliveryTolerance, "codDeliveryTolerance");
        require(reuseCollectionGap, "reuseCollectionGap");
        require(sameParcelWindow, "sameParcelWindow");
        if (maxOrdersPerBuyer < 2 || maxOrdersPerBuyerDay < 2) {
            throw new IllegalArgumentException("maxOrdersPerBuyer must be at least 2 (one order is never brushing)");
        }
        if (burstMinOrders < 2) {
            throw new IllegalArgumentException("burstMinOrders must be at least 2");
        }
        if (tinyParcelGrams < 0 || maxScansWithoutTransit < 0) {
            throw new IllegalArgumentException("tinyParcelGrams and maxScansWithoutTransit must not be negative");
        }
        if (spikeWatchDays < 1 || spikeBaselineDays < 7 || spikeFactor < 2 || spikeMinOrders < 2) {
            throw new IllegalArgumentException("spikeWatchDays must be at least 1, spikeBaselineDays at least 7, "
                    + "spikeFactor and spikeMinOrders at least 2");
        }
        share(burstAmountSpread, "burstAmountSpread");
        share(burstTinyShare, "burstTinyShare");
        share(shapeMinFitShare, "shapeMinFitShare");
        share(crossBorderMinProvenShare, "crossBorderMinProvenShare");
        if (shapeMinSample < 1) {
            throw new IllegalArgumentException("shapeMinSample must be at least 1");
        }
    }

    public static Thresholds defaults() {
        return new Thresholds(Duration.ofHours(1), 3, Duration.ofHours(24), 5, Duration.ofHours(1), 5, new BigDecimal("0.02"), 50,
                new BigDecimal("0.8"), 2, Duration.ofMinutes(60), Duration.ofHours(3), Duration.ofHours(8),
                Duration.ofMinutes(10), Duration.ofHours(2), Duration.ofDays(3), Duration.ofDays(2), 7, 60, 5, 30, 20,
                new BigDecimal("0.9"), new BigDecimal("0.3"));
    }

    private static void require(Duration d, String name) {
        if (d == null || d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be a positive duration");
        }
    }

    private static void share(BigDecimal v, String name) {
        if (v == null || v.signum() < 0 || v.compareTo(BigDecimal.ONE) > 0) {
            throw new IllegalArgumentException(name + " must be a share between 0 and 1");
        }
    }
}
