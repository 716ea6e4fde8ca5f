package dev.subsidy.verification.fraud;

import dev.subsidy.model.Carrier;
import dev.subsidy.model.Scan;
import dev.subsidy.model.Shipment;
import dev.subsidy.model.WaybillShape;
import dev.subsidy.verification.Finding;
import dev.subsidy.verification.Rules;
import dev.subsidy.verification.ShipmentVerdict;

/**
 * crossborder.no-s10: a parcel addressed abroad needs an international identity — a UPU S10 item
 * number (check digit valid), Cainiao's cross-border {@code LP} number, or a customs or export scan in
 * its trace. Without one, nothing shows it ever left the country.
 */
final class CrossBorderRule implements FraudRule {

    @Override
    public void apply(PeriodFacts facts, Thresholds thresholds, Flags flags) {
        for (ShipmentVerdict s : facts.shipments()) {
            Shipment r = s.stored().record();
            if (!r.international() || WaybillShape.isS10(r.waybillNo()) || cainiaoCrossBorder(r)
                    || r.scans().stream().map(Scan::type).anyMatch(t -> t.international())) {
                continue;
            }
            flags.parcel(s, Finding.suspect(Rules.CROSS_BORDER_UNPROVEN, "addressed to " + r.destCountry() + " but '"
                    + r.waybillNo() + "' is not a valid S10 item number and its trace shows no customs or export scan"));
        }
    }

    private static boolean cainiaoCrossBorder(Shipment r) {
        return r.carrier() == Carrier.CAINIAO && r.waybillNo().matches("LP[0-9]{14}");
    }
}
