package dev.subsidy.policy.internal;

import dev.subsidy.policy.Rule;

/** Computes one kind of rule. Implementations are stateless. */
interface RuleEvaluator {

    void evaluate(Rule rule, Inputs in, Outcome out);
}
