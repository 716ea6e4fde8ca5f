package dev.subsidy.verification.period;

import dev.subsidy.model.SalesOrder;
import dev.subsidy.model.Shipment;
import dev.subsidy.verification.ByOrderKey;
import dev.subsidy.verification.RecordSource;
import dev.subsidy.verification.SourceVersion;
import dev.subsidy.verification.StoredOrder;
import dev.subsidy.verification.StoredShipment;
import dev.subsidy.verification.TrustLevel;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Keeps the trusted fact (docs/verification.md "Source trust"): when a record's current version comes
 * from a less trusted source than another version, the protected facts — a parcel's places, an order's
 * status and refund — are taken from the most trusted version; everything else (what a less trusted
 * source may add) stays the current version's. The record is still SUSPECT by {@code source.conflict}
 * when the facts differ; this decides what it counts as once a reviewer accepts it.
 */
final class TrustedFacts implements RecordSource {

    private final RecordSource records;
    private final Function<String, TrustLevel> trust;
    private final Map<String, List<SourceVersion<Shipment>>> shipmentHistory;
    private final Map<String, List<SourceVersion<SalesOrder>>> orderHistory;

    TrustedFacts(RecordSource records, Function<String, TrustLevel> trust, Map<String, List<SourceVersion<Shipment>>> shipmentHistory,
                 Map<String, List<SourceVersion<SalesOrder>>> orderHistory) {
        this.records = records;
        this.trust = trust;
        this.shipmentHistory = shipmentHistory;
        this.orderHistory = orderHistory;
    }

    @Override
    public Read read(dev.subsidy.model.Period period) {
        Read read = records.read(period);
        return new Read(trusted(read.shipments()), trusted(read.orders()));
    }

    @Override
    public List<StoredShipment> shipments(dev.subsidy.model.Period period) {
        return trusted(records.shipments(period));
    }

    @Override
    public Map<String, StoredOrder> orders(dev.subsidy.model.Period period, Collection<StoredShipment> shipments) {
        return trusted(records.orders(period, shipments));
    }

    @Override
    public void eachShipmentSlice(dev.subsidy.model.Period period, java.util.function.Consumer<List<StoredShipment>> each) {
        records.eachShipmentSlice(period, slice -> each.accept(trusted(slice)));
    }

    @Override
    public void eachCensusSlice(dev.subsidy.model.Period period,
                                java.util.function.Supplier<java.util.function.Consumer<List<StoredShipment>>> perThread) {
        // a census record holds its places' destination: the trusted one replaces it as in a whole record
        records.eachCensusSlice(period, () -> {
            java.util.function.Consumer<List<StoredShipment>> each = perThread.get();
            return slice -> each.accept(trusted(slice));
        });
    }

    @Override
    public Map<String, StoredOrder> orders(dev.subsidy.model.Period period) {
        return trusted(records.orders(period));
    }

    /**
     * The shipments with their trusted facts. Only a record of several versions can have a more trusted one: with no
     * such record in the period (most closes), the list given is kept rather than copied.
     */
    private List<StoredShipment> trusted(List<StoredShipment> shipments) {
        if (shipmentHistory.isEmpty()) {
            return shipments;
        }
        List<StoredShipment> out = new ArrayList<>(shipments.size());
        for (StoredShipment s : shipments) {
            Shipment trusted = mostTrusted(shipmentHistory.get(s.record().naturalKey()));
            out.add(trusted == null ? s : new StoredShipment(withPlaces(s.record(), trusted), s.connectors(),
                    s.duplicates(), s.contentHash(), s.versions()));
        }
        return out;
    }

    private Map<String, StoredOrder> trusted(Map<String, StoredOrder> orders) {
        if (orderHistory.isEmpty()) {
            return orders;
        }
        List<StoredOrder> out = new ArrayList<>(orders.size());
        orders.forEach((key, o) -> {
            SalesOrder trusted = mostTrusted(orderHistory.get(key));
            out.add(trusted == null ? o : new StoredOrder(withSettlement(o.record(), trusted), o.connectors(),
                    o.duplicates(), o.contentHash(), o.versions()));
        });
        return ByOrderKey.of(orders, out, StoredOrder::record);
    }

    /** The most trusted version's record when it is more trusted than the current one's source; else null. */
    private <T> T mostTrusted(List<SourceVersion<T>> history) {
        if (history == null || history.size() < 2) {
            return null;
        }
        SourceVersion<T> current = history.stream().filter(SourceVersion::current).findFirst().orElse(null);
        if (current == null) {
            return null;
        }
        SourceVersion<T> best = current;
        for (SourceVersion<T> v : history) {
            if (trust.apply(v.connector()).above(trust.apply(best.connector()))) {
                best = v;
            }
        }
        return best == current ? null : best.record();
    }

    private static Shipment withPlaces(Shipment s, Shipment t) {
        return new Shipment(s.carrier(), s.waybillNo(), s.collectedAt(), t.originRegion(), t.originSite(), t.destRegion(),
                t.destCountry(), s.deliveredAt(), t.deliveredRegion() != null ? t.deliveredRegion() : s.deliveredRegion(),
                t.deliverySite() != null ? t.deliverySite() : s.deliverySite(), s.orderRef(), s.shipperId(), s.weightGrams(),
                s.traceEvents(), s.updatedAt(), s.scans(), s.paymentMethod(), s.receiverHash());
    }

    private static SalesOrder withSettlement(SalesOrder o, SalesOrder t) {
        return new SalesOrder(o.platform(), o.orderId(), o.shopId(), o.merchantId(), o.channel(), t.status(), o.paidAt(),
                o.amount(), t.refundedAmount(), o.currency(), o.fxRate(), o.waybills(), o.categories(), o.crossBorder(),
                o.destRegion(), o.destCountry(), o.buyerHash(), o.updatedAt(), o.paymentMethod(), t.refundStatus(),
                o.receiverHash(), o.parcelCount());
    }
}
