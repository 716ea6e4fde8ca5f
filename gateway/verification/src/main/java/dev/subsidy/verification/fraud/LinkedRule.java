package dev.subsidy.verification.fraud;

import dev.subsidy.model.RecordStatus;
import dev.subsidy.verification.Finding;
import dev.subsidy.verification.OrderVerdict;
import dev.subsidy.verification.Rules;
import dev.subsidy.verification.ShipmentVerdict;
import java.util.List;

/**
 * linked.suspect: a parcel a fraud signal marked marks the order behind it, and the other way round
 * (one hop, so a merged parcel does not spread a mark across a shop). A duplicate form does not spread
 * its marks: it is not the parcel that carries the order, only another report of it.
 */
final class LinkedRule {

    void apply(PeriodFacts facts, Flags flags) {
        Flags found = new Flags();
        for (ShipmentVerdict s : facts.shipments()) {
            List<Finding> flagged = flags.onParcel(s);
            List<Finding> own = suspicions(flagged, s.findings());
            if (!own.isEmpty() && flagged.stream().noneMatch(f -> f.outcome() == RecordStatus.DUPLICATE)) {
                for (OrderVerdict o : facts.ordersOf(s)) {
                    found.order(o, Finding.suspect(Rules.LINKED, "its parcel " + s.key() + " is suspect (" + rules(own) + ")"));
                }
            }
        }
        for (OrderVerdict o : facts.orders()) {
            List<Finding> own = suspicions(flags.onOrder(o), o.findings());
            if (!own.isEmpty()) {
                for (ShipmentVerdict s : facts.parcelsOf(o)) {
                    found.parcel(s, Finding.suspect(Rules.LINKED, "its order " + o.key() + " is suspect (" + rules(own) + ")"));
                }
            }
        }
        // record by record, each record's findings in the order found: only the records it marked, not every
        // record of the period looked up (a tenth of the fraud rules' phase at ten million records)
        flags.add(found);
    }

    /** The fraud signals among the rules' flags and the record's own findings that make it SUSPECT. */
    private static List<Finding> suspicions(List<Finding> flagged, List<Finding> own) {
        if (flagged.isEmpty() && own.isEmpty()) {
            return List.of(); // most records: two empty streams per record were a third of the rules' time
        }
        return java.util.stream.Stream.concat(flagged.stream(), own.stream())
                .filter(f -> f.outcome() == RecordStatus.SUSPECT && Rules.isFraudSignal(f.rule()) && !f.rule().equals(Rules.LINKED))
                .toList();
    }

    private static String rules(List<Finding> findings) {
        return String.join(", ", findings.stream().map(Finding::rule).distinct().toList());
    }
}
