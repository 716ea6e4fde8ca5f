package dev.subsidy.verification.fraud;

/** One named fraud signal: reads the period's evidence, flags the records it concerns. */
interface FraudRule {

    void apply(Evidence evidence, Thresholds thresholds, Flags flags);
}
