package dev.subsidy.policy.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * A three-valued truth (Kleene): unknown when an input is missing, unless the known parts decide.
 * A true verdict carries the facts that made it true (for explanations); an unknown one what is missing.
 */
public record Verdict(Truth truth, List<String> notes) {

    public enum Truth { TRUE, FALSE, UNKNOWN }

    public static final Verdict FALSE = new Verdict(Truth.FALSE, List.of());

    public Verdict {
        notes = List.copyOf(notes);
    }

    public static Verdict trueBecause(String fact) {
        return new Verdict(Truth.TRUE, fact == null ? List.of() : List.of(fact));
    }

    public static Verdict unknown(String missing) {
        return new Verdict(Truth.UNKNOWN, List.of(missing));
    }

    public static Verdict of(boolean value, String fact) {
        return value ? trueBecause(fact) : FALSE;
    }

    public boolean isTrue() {
        return truth == Truth.TRUE;
    }

    public boolean isFalse() {
        return truth == Truth.FALSE;
    }

    public boolean isUnknown() {
        return truth == Truth.UNKNOWN;
    }

    public Verdict and(Verdict other) {
        if (isFalse() || other.isFalse()) {
            return FALSE;
        }
        if (isTrue() && other.isTrue()) {
            return new Verdict(Truth.TRUE, concat(notes, other.notes));
        }
        return new Verdict(Truth.UNKNOWN, concat(missing(this), missing(other)));
    }

    public Verdict or(Verdict other) {
        if (isTrue()) {
            return this;
        }
        if (other.isTrue()) {
            return other;
        }
        if (isFalse() && other.isFalse()) {
            return FALSE;
        }
        return new Verdict(Truth.UNKNOWN, concat(missing(this), missing(other)));
    }

    public Verdict not() {
        return switch (truth) {
            case TRUE -> FALSE;
            case FALSE -> trueBecause(null);
            case UNKNOWN -> this;
        };
    }

    private static List<String> missing(Verdict v) {
        return v.isUnknown() ? v.notes : List.of();
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        b.stream().filter(n -> !all.contains(n)).forEach(all::add);
        return all;
    }
}
