package dev.subsidy.policy.internal;

import dev.subsidy.model.Subject;
import dev.subsidy.policy.Condition;
import dev.subsidy.policy.Condition.AllOf;
import dev.subsidy.policy.Condition.AnyOf;
import dev.subsidy.policy.Condition.AttributeContains;
import dev.subsidy.policy.Condition.AttributeEquals;
import dev.subsidy.policy.Condition.ConsecutiveMonths;
import dev.subsidy.policy.Condition.FigureAtLeast;
import dev.subsidy.policy.Condition.GraduatedWithinYears;
import dev.subsidy.policy.Condition.HasCategory;
import dev.subsidy.policy.Condition.Not;
import dev.subsidy.policy.Condition.OperatingMonths;
import dev.subsidy.policy.Condition.RegisteredInPeriodYear;
import dev.subsidy.policy.Condition.RegisteredInside;
import dev.subsidy.policy.Condition.SizeClassIs;
import dev.subsidy.policy.Condition.TaxRegistered;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;

/** Tests a {@link Condition} on the subject of a {@link Scope}, in three values. */
final class Conditions {

    /** The attribute {@link GraduatedWithinYears} reads; {@value #NOT_A_GRADUATE} says the founder is not a graduate. */
    static final String GRADUATION_YEAR = "graduationYear";
    static final String NOT_A_GRADUATE = "none";
    /** The attribute {@link OperatingMonths} reads when the subject started operating after its registration. */
    static final String OPERATING_SINCE = "operatingSince";

    private Conditions() {
    }

    /**
     * A rule that needs a fact the registry does not state is not computable, like a rule that needs a figure
     * nobody entered: reading the gap as "no" would pay nothing without anyone seeing why (docs/registry.md).
     */
    private static Verdict notInRegistry(String attribute, Scope scope) {
        return Verdict.unknown(attribute + " is not in the registry for " + scope.who());
    }

    static Verdict test(Condition c, Scope scope) {
        Subject s = scope.subject;
        if (c instanceof AllOf all) {
            return scope.all(all.conditions());
        }
        if (c instanceof AnyOf any) {
            Verdict v = Verdict.FALSE;
            for (Condition each : any.conditions()) {
                v = v.or(test(each, scope));
            }
            return v;
        }
        if (c instanceof Not not) {
            return test(not.condition(), scope).not();
        }
        if (c instanceof RegisteredInside inside) {
            if (s.region() == null) {
                return Verdict.unknown("the registry has no region for " + scope.who());
            }
            return Verdict.of(Regions.inside(s.region(), scope.in.policy.regions()) == inside.expected(),
                    inside.expected() ? "registered inside" : "registered outside");
        }
        if (c instanceof TaxRegistered tax) {
            if (s.taxRegistered() == null) {
                return Verdict.unknown("the registry does not know whether " + scope.who() + " is tax registered");
            }
            return Verdict.of(s.taxRegistered() == tax.expected(), tax.expected() ? "tax registered" : "not tax registered");
        }
        if (c instanceof SizeClassIs size) {
            if (s.sizeClass() == null) {
                return Verdict.unknown("the registry has no size class for " + scope.who());
            }
            return Verdict.of(s.sizeClass() == size.sizeClass(), "size class " + size.sizeClass());
        }
        if (c instanceof RegisteredInPeriodYear) {
            if (s.registeredOn() == null) {
                return Verdict.unknown("the registry has no registration date for " + scope.who());
            }
            return Verdict.of(s.registeredOn().getYear() == scope.in.period.year(), "registered in " + scope.in.period.year());
        }
        if (c instanceof OperatingMonths op) {
            return operatingMonths(op, scope);
        }
        if (c instanceof HasCategory cat) {
            return Verdict.of(s.categories().contains(cat.category()), "category " + cat.category());
        }
        if (c instanceof AttributeEquals eq) {
            String value = s.attributes().get(eq.attribute());
            if (value == null) {
                return notInRegistry(eq.attribute(), scope);
            }
            return Verdict.of(eq.value().equals(value), eq.attribute() + "=" + eq.value());
        }
        if (c instanceof AttributeContains contains) {
            String wanted = switch (contains.value()) {
                case "$year" -> String.valueOf(scope.in.period.year());
                case "$rule" -> scope.rule.id();
                default -> contains.value();
            };
            // a list of recorded events (misconduct years, funds received elsewhere): none recorded is an empty list
            String list = s.attributes().getOrDefault(contains.attribute(), "");
            boolean found = Arrays.stream(list.split(",")).map(String::trim).anyMatch(wanted::equals);
            return Verdict.of(found, contains.attribute() + " lists " + wanted);
        }
        if (c instanceof GraduatedWithinYears grad) {
            return graduated(grad, scope);
        }
        if (c instanceof FigureAtLeast at) {
            Scope.Value v = scope.value(at.metric());
            if (!v.known()) {
                return Verdict.unknown(v.missing());
            }
            return Verdict.of(v.value().compareTo(at.atLeast()) >= 0,
                    at.metric() + " " + Fmt.plain(v.value()) + " ≥ " + Fmt.plain(at.atLeast()));
        }
        if (c instanceof ConsecutiveMonths run) {
            return consecutiveMonths(run, scope);
        }
        throw new IllegalStateException("unhandled condition " + c);
    }

    private static Verdict operatingMonths(OperatingMonths op, Scope scope) {
        Subject s = scope.subject;
        LocalDate since = s.registeredOn();
        String declared = s.attributes().get(OPERATING_SINCE);
        if (declared != null) {
            try {
                since = LocalDate.parse(declared);
            } catch (DateTimeParseException e) {
                return Verdict.unknown(OPERATING_SINCE + " of " + scope.who() + " is not a date: " + declared);
            }
        }
        if (since == null) {
            return Verdict.unknown("the registry has no registration date for " + scope.who());
        }
        // Operating from the 1st of July to the 31st of December is six full months.
        LocalDate dayAfterPeriod = scope.in.period.lastDay().plusDays(1);
        return Verdict.of(!since.plusMonths(op.months()).isAfter(dayAfterPeriod),
                "operating since " + since + " (≥ " + op.months() + " months)");
    }

    private static Verdict graduated(GraduatedWithinYears grad, Scope scope) {
        Subject s = scope.subject;
        String year = s.attributes().get(GRADUATION_YEAR);
        if (year == null) {
            return notInRegistry(GRADUATION_YEAR, scope);
        }
        if (NOT_A_GRADUATE.equals(year.trim())) {
            return Verdict.FALSE;
        }
        if (s.registeredOn() == null) {
            return Verdict.unknown("the registry has no registration date for " + scope.who());
        }
        int graduated;
        try {
            graduated = Integer.parseInt(year.trim());
        } catch (NumberFormatException e) {
            return Verdict.unknown(GRADUATION_YEAR + " of " + scope.who() + " is neither a year nor " + NOT_A_GRADUATE
                    + ": " + year);
        }
        int after = s.registeredOn().getYear() - graduated;
        return Verdict.of(after >= 0 && after <= grad.years(), "founded " + after + " years after graduating");
    }

    private static Verdict consecutiveMonths(ConsecutiveMonths run, Scope scope) {
        List<String> months = scope.in.period.months();
        int streak = 0;
        int best = 0;
        String end = null;
        Verdict unknown = null;
        for (String month : months) {
            Scope.Value v = scope.value(run.metric(), month);
            if (!v.known()) {
                unknown = unknown == null ? Verdict.unknown(v.missing()) : unknown.and(Verdict.unknown(v.missing()));
                streak = 0;
                continue;
            }
            streak = v.value().compareTo(run.atLeast()) >= 0 ? streak + 1 : 0;
            if (streak > best) {
                best = streak;
                end = month;
            }
        }
        if (best >= run.months()) {
            return Verdict.trueBecause(run.metric() + " ≥ " + Fmt.plain(run.atLeast()) + " in " + best
                    + " consecutive months to " + end);
        }
        return unknown != null ? unknown : Verdict.FALSE;
    }
}
