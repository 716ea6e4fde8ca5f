package dev.subsidy.verification.fraud;

import dev.subsidy.model.Carrier;
import dev.subsidy.model.Scan;
import dev.subsidy.model.Shipment;
import dev.subsidy.model.WaybillShape;
import dev.subsidy.verification.Finding;
import dev.subsidy.verification.Rules;
import dev.subsidy.verification.ShipmentVerdict;
import java.util.ArrayList;
import java.util.List;

/**
 * crossborder.no-s10: a parcel addressed abroad needs an international identity — a UPU S10 item
 * number (check digit valid), Cainiao's cross-border {@code LP} number, or a customs or export scan in
 * its trace. Without one, nothing shows it ever left the country. When none of the period's parcels
 * abroad carries such proof, the feeds evidently do not carry it (their carriers' numbers or scans are
 * not in them) and the rule cannot tell fraud from missing data: it marks nothing and the close's
 * findings stay clean of it.
 */
final class CrossBorderRule implements FraudRule {

    @Override
    public void apply(PeriodFacts facts, Thresholds t, Flags flags) {
        // the shares are the whole period's: a close may hand the rules a slice of its parcels (ShipmentCensus)
        int abroad = facts.census().abroad();
        int proven = facts.census().proven();
        if (proven == abroad || proven < t.crossBorderMinProvenShare().doubleValue() * abroad) {
            return;
        }
        List<ShipmentVerdict> unproven = new ArrayList<>();
        for (ShipmentVerdict s : facts.shipments()) {
            Shipment r = s.stored().record();
            if (r.international() && !proven(r)) {
                unproven.add(s);
            }
        }
        for (ShipmentVerdict s : unproven) {
            Shipment r = s.stored().record();
            flags.parcel(s, Finding.suspect(Rules.CROSS_BORDER_UNPROVEN, "addressed to " + r.destCountry() + " but '"
                    + r.waybillNo() + "' is not a valid S10 item number and its trace shows no customs or export scan ("
                    + proven + " of the period's " + abroad + " parcels abroad show one)"));
        }
    }

    static boolean proven(Shipment r) {
        return WaybillShape.isS10(r.waybillNo()) || cainiaoCrossBorder(r)
                || r.scans().stream().map(Scan::type).anyMatch(type -> type.international());
    }

    private static boolean cainiaoCrossBorder(Shipment r) {
        return r.carrier() == Carrier.CAINIAO && r.waybillNo().matches("LP[0-9]{14}");
    }
}
