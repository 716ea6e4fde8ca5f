package dev.subsidy.model;

import java.math.BigDecimal;

/**
 * A part of an award line that has to be remembered: a milestone step, a member, or the rule as a whole
 * ({@code key} null). The parts of a line add up to its amount.
 */
public record Payment(String key, BigDecimal amount) {
}
