package dev.subsidy.verification.fraud;

import dev.subsidy.model.Scan;
import dev.subsidy.model.Shipment;
import dev.subsidy.verification.Finding;
import dev.subsidy.verification.Rules;
import dev.subsidy.verification.ShipmentVerdict;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * parcel.hollow (空包): a parcel that never went through the network — tiny, signed for with no
 * transit scan, or delivered faster than the distance allows. One sign alone is an honest look-alike
 * (a document envelope, a same-day local parcel); two together are an empty parcel.
 */
final class HollowParcelRule implements FraudRule {

    @Override
    public void apply(PeriodFacts facts, Thresholds t, Flags flags) {
        for (ShipmentVerdict s : facts.shipments()) {
            Shipment r = s.stored().record();
            List<String> signs = new ArrayList<>();
            if (r.weightGrams() != null && r.weightGrams() <= t.tinyParcelGrams()) {
                signs.add(r.weightGrams() + " g (tiny: at most " + t.tinyParcelGrams() + " g)");
            }
            if (r.deliveredAt() != null && noTransit(r, t)) {
                signs.add("signed for with " + (r.traceEvents() != null ? r.traceEvents() : r.scans().size())
                        + " scans and none in transit");
            }
            if (r.deliveredAt() != null && !r.deliveredAt().isBefore(r.collectedAt())) {
                Duration took = Duration.between(r.collectedAt(), r.deliveredAt());
                Duration fastest = fastest(facts.originOf(r), facts.arrivalOf(r), r, t);
                if (took.compareTo(fastest) < 0) {
                    signs.add("delivered " + minutes(took) + " after collection (fastest believable for this distance "
                            + minutes(fastest) + ")");
                }
            }
            // a weighed parcel above the tiny weight carries goods, however fast or direct (a same-day local
            // parcel); a tiny one needs a second sign (a document envelope travels normally); an unweighed
            // one needs both other signs
            boolean weighedHeavy = r.weightGrams() != null && r.weightGrams() > t.tinyParcelGrams();
            if (!weighedHeavy && signs.size() >= 2) {
                flags.parcel(s, Finding.suspect(Rules.HOLLOW_PARCEL, "empty parcel signs: " + String.join("; ", signs)));
            }
        }
    }

    /**
     * Signed for without passing through the network. The feed's own count of events wins over the typed
     * scans: a partner whose in-transit states have no type (kuaidi100) maps only collection and delivery
     * to scans, yet counts every event.
     */
    private static boolean noTransit(Shipment r, Thresholds t) {
        if (r.traceEvents() != null && r.traceEvents() > t.maxScansWithoutTransit()) {
            return false;
        }
        if (!r.scans().isEmpty()) {
            return r.scans().stream().map(Scan::type).noneMatch(type -> type.inTransit());
        }
        return r.traceEvents() != null && r.traceEvents() <= t.maxScansWithoutTransit();
    }

    private static Duration fastest(String origin, String arrival, Shipment r, Thresholds t) {
        if (r.international()) {
            return t.minTransitElsewhere().multipliedBy(3);
        }
        if (origin == null || arrival == null || origin.length() < 4 || arrival.length() < 4) {
            return t.minTransitSamePrefecture();
        }
        if (origin.substring(0, 4).equals(arrival.substring(0, 4))) {
            return t.minTransitSamePrefecture();
        }
        return origin.substring(0, 2).equals(arrival.substring(0, 2)) ? t.minTransitSameProvince() : t.minTransitElsewhere();
    }

    static String minutes(Duration d) {
        long m = d.toMinutes();
        return m < 120 ? m + " min" : (m / 60) + " h " + (m % 60) + " min";
    }
}
