package dev.subsidy.verification.fraud;

import dev.subsidy.verification.Finding;
import dev.subsidy.verification.Rules;
import dev.subsidy.verification.ShipmentVerdict;
import dev.subsidy.verification.TraceCheck;

/**
 * trace.unconfirmed: the carrier, asked through its own trace query, does not know the waybill or
 * tells another story than the feed. A parcel not (yet) checked is not suspect for that.
 */
final class TraceCheckRule implements FraudRule {

    @Override
    public void apply(PeriodFacts facts, Thresholds thresholds, Flags flags) {
        for (ShipmentVerdict s : facts.shipments()) {
            TraceCheck check = facts.traceCheck(s);
            if (check == null || check.outcome() == TraceCheck.Outcome.CONFIRMED) {
                continue;
            }
            String said = check.outcome() == TraceCheck.Outcome.UNKNOWN
                    ? "the carrier does not know waybill " + s.stored().record().waybillNo()
                    : "the carrier's trace contradicts the feed";
            flags.parcel(s, Finding.suspect(Rules.TRACE_UNCONFIRMED, said + " (asked through " + check.connector()
                    + " at " + check.checkedAt() + (check.detail() == null ? "" : ": " + check.detail()) + ")"));
        }
    }
}
