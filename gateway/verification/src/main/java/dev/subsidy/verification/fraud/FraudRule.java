package dev.subsidy.verification.fraud;

/** One named fraud signal: reads the period's facts, flags the records it concerns. */
interface FraudRule {

    void apply(PeriodFacts facts, Thresholds thresholds, Flags flags);
}
