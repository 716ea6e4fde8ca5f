package dev.subsidy.verification.fraud;

import dev.subsidy.model.Shipment;
import dev.subsidy.verification.Finding;
import dev.subsidy.verification.OrderVerdict;
import dev.subsidy.verification.Rules;
import dev.subsidy.verification.ShipmentVerdict;
import dev.subsidy.verification.SourceVersion;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * waybill.reuse: one waybill number standing for two parcels — versions collected days apart (a
 * number printed again on a new parcel), or orders of different sellers claiming it. Merged shipping
 * (合并发货: one parcel for several orders of one seller) is not reuse.
 */
final class WaybillReuseRule implements FraudRule {

    @Override
    public void apply(PeriodFacts facts, Thresholds t, Flags flags) {
        for (ShipmentVerdict s : facts.shipments()) {
            Shipment current = s.stored().record();
            // asked of every parcel of a close: no key built when no record has a second version
            List<SourceVersion<Shipment>> history = facts.shipmentHistory().isEmpty() ? List.of()
                    : facts.shipmentHistory().getOrDefault(s.key(), List.of());
            for (SourceVersion<Shipment> v : history) {
                Duration apart = Duration.between(v.record().collectedAt(), current.collectedAt()).abs();
                if (apart.compareTo(t.reuseCollectionGap()) > 0) {
                    flags.parcel(s, Finding.suspect(Rules.WAYBILL_REUSE, "waybill " + s.key() + " collected at "
                            + v.record().collectedAt() + " in a version from " + v.connector() + " and at "
                            + current.collectedAt() + " now: one number for two parcels"));
                    break;
                }
            }
            List<OrderVerdict> orders = facts.ordersOf(s);
            if (orders.size() < 2) {
                continue; // one order has one seller
            }
            Map<String, List<OrderVerdict>> bySeller = orders.stream()
                    .collect(Collectors.groupingBy(o -> o.stored().record().platform() + ":" + o.stored().record().shopId()));
            if (bySeller.size() > 1) {
                flags.parcel(s, Finding.suspect(Rules.WAYBILL_REUSE, "waybill " + s.key() + " is claimed by orders of "
                        + bySeller.size() + " shops (" + String.join(", ", bySeller.keySet().stream().sorted().toList())
                        + ")"));
            }
        }
    }
}
