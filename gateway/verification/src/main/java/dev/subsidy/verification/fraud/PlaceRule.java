package dev.subsidy.verification.fraud;

import dev.subsidy.model.Scan;
import dev.subsidy.model.ScanType;
import dev.subsidy.model.Shipment;
import dev.subsidy.verification.Finding;
import dev.subsidy.verification.Jurisdiction;
import dev.subsidy.verification.Rules;
import dev.subsidy.verification.ShipmentVerdict;

/**
 * place.mismatch: where a parcel claims to start or end contradicts where the registry or its own
 * trace puts it — the shape of an inbound parcel passed off as a local outbound one.
 */
final class PlaceRule implements FraudRule {

    @Override
    public void apply(PeriodFacts facts, Thresholds t, Flags flags) {
        Jurisdiction j = facts.jurisdiction();
        for (ShipmentVerdict s : facts.shipments()) {
            Shipment r = s.stored().record();
            String reason = reason(facts, j, r);
            if (reason != null) {
                flags.parcel(s, Finding.suspect(Rules.PLACE_MISMATCH, reason));
            }
        }
    }

    private static String reason(PeriodFacts facts, Jurisdiction j, Shipment r) {
        String siteRegion = facts.registry().siteRegion(r.carrier(), r.originSite());
        if (r.originRegion() != null && siteRegion != null && (j.contains(r.originRegion()) && j.certainlyOutside(siteRegion)
                || j.contains(siteRegion) && j.certainlyOutside(r.originRegion()))) {
            return "originRegion " + r.originRegion() + " is " + side(j, r.originRegion()) + " but collecting site "
                    + r.carrier() + ":" + r.originSite() + " is registered at " + siteRegion + " (" + side(j, siteRegion) + ")";
        }
        String origin = facts.originOf(r);
        // most parcels carry no scans: no stream for them (asked of every parcel of a close)
        Scan collect = r.scans().isEmpty() ? null : r.scans().stream()
                .filter(x -> x.type() == ScanType.COLLECT && x.region() != null).findFirst().orElse(null);
        if (origin != null && collect != null && j.contains(origin) && j.certainlyOutside(collect.region())) {
            return "claims collection at " + origin + " (inside) but its collection scan is at " + collect.region()
                    + " (outside)";
        }
        boolean returned = !r.scans().isEmpty() && r.scans().stream().anyMatch(x -> x.type() == ScanType.RETURN);
        String delivered = r.deliveredRegion() != null ? r.deliveredRegion()
                : facts.registry().siteRegion(r.carrier(), r.deliverySite());
        boolean addressedOutside = r.international() || r.destRegion() != null && !j.contains(r.destRegion());
        if (!returned && origin != null && j.contains(origin) && addressedOutside && delivered != null
                && j.contains(delivered)) {
            return "addressed outside (" + (r.destRegion() != null ? r.destRegion() : r.destCountry())
                    + ") but delivered inside at " + delivered + ": an inbound parcel reported as outbound";
        }
        return null;
    }

    private static String side(Jurisdiction j, String region) {
        return j.contains(region) ? "inside" : "outside";
    }
}
