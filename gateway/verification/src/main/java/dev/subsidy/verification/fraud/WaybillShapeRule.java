package dev.subsidy.verification.fraud;

import dev.subsidy.model.WaybillShape;
import dev.subsidy.verification.Finding;
import dev.subsidy.verification.Rules;
import dev.subsidy.verification.ShipmentVerdict;

/** waybill.shape: a number that fits none of its carrier's published shapes. */
final class WaybillShapeRule implements FraudRule {

    @Override
    public void apply(PeriodFacts facts, Thresholds thresholds, Flags flags) {
        for (ShipmentVerdict s : facts.shipments()) {
            var r = s.stored().record();
            WaybillShape.warning(r.carrier(), r.waybillNo())
                    .ifPresent(w -> flags.parcel(s, Finding.suspect(Rules.WAYBILL_SHAPE, w)));
        }
    }
}
