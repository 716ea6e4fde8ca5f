package dev.subsidy.verification.fraud;

import dev.subsidy.model.Carrier;
import dev.subsidy.model.WaybillShape;
import dev.subsidy.verification.Finding;
import dev.subsidy.verification.Rules;
import dev.subsidy.verification.ShipmentVerdict;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * waybill.shape: a number that fits none of its carrier's published shapes, among numbers of that
 * carrier that do. Published shapes are hints (public lists disagree, carriers add ranges): when most of
 * a carrier's numbers in the period do not fit, the list is what is wrong for this data, and no number
 * of that carrier is marked for its shape alone.
 */
final class WaybillShapeRule implements FraudRule {

    @Override
    public void apply(PeriodFacts facts, Thresholds t, Flags flags) {
        Map<Carrier, List<ShipmentVerdict>> misfits = new EnumMap<>(Carrier.class);
        for (ShipmentVerdict s : facts.shipments()) {
            var r = s.stored().record();
            if (WaybillShape.published(r.carrier()) && !WaybillShape.fits(r.carrier(), r.waybillNo())) {
                misfits.computeIfAbsent(r.carrier(), c -> new ArrayList<>()).add(s);
            }
        }
        // the shares are the whole period's: a close may hand the rules a slice of its parcels (ShipmentCensus)
        ShipmentCensus census = facts.census();
        misfits.forEach((carrier, list) -> {
            int total = census.seen(carrier);
            int fit = total - census.misfits(carrier);
            if (total < t.shapeMinSample() || fit < t.shapeMinFitShare().doubleValue() * total) {
                return;
            }
            for (ShipmentVerdict s : list) {
                WaybillShape.warning(carrier, s.stored().record().waybillNo()).ifPresent(w -> flags.parcel(s,
                        Finding.suspect(Rules.WAYBILL_SHAPE, w + " (" + fit + " of " + total + " " + carrier
                                + " numbers this period fit them)")));
            }
        });
    }
}
