package dev.subsidy.policy.internal;

import dev.subsidy.model.Metric;
import dev.subsidy.model.SizeClass;
import dev.subsidy.model.SubjectType;
import dev.subsidy.policy.Condition;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads conditions. Each is a map whose key says what it tests:
 * {@code {metric: SALES_NET, atLeast: 200000}}, {@code {taxRegistered: true}}, {@code {anyOf: [...]}} …
 */
final class ConditionReader {

    static final List<String> FORMS = List.of("allOf", "anyOf", "not", "metric", "registeredInside", "taxRegistered",
            "sizeClass", "registeredInPeriodYear", "operatingMonths", "category", "attribute", "graduatedWithinYears");

    private ConditionReader() {
    }

    /** A list of conditions, all of which must hold. */
    static List<Condition> all(Node parent, String field, SubjectType subject, boolean required) {
        List<Condition> conditions = new ArrayList<>();
        for (Node n : parent.list(field, required)) {
            Condition c = one(n, subject);
            if (c != null) {
                conditions.add(c);
            }
        }
        return conditions;
    }

    static Condition one(Node n, SubjectType subject) {
        if (!n.isMap()) {
            n.problem("a condition must be a map, e.g. {metric: SALES_NET, atLeast: 200000}");
            return null;
        }
        if (n.has("allOf")) {
            n.allowOnly("allOf");
            return new Condition.AllOf(all(n, "allOf", subject, true));
        }
        if (n.has("anyOf")) {
            n.allowOnly("anyOf");
            return new Condition.AnyOf(all(n, "anyOf", subject, true));
        }
        if (n.has("not")) {
            n.allowOnly("not");
            Condition inner = one(n.get("not"), subject);
            return inner == null ? null : new Condition.Not(inner);
        }
        if (n.has("metric")) {
            return figure(n, subject);
        }
        if (n.has("registeredInside")) {
            n.allowOnly("registeredInside");
            Boolean b = n.bool("registeredInside", true);
            return b == null ? null : new Condition.RegisteredInside(b);
        }
        if (n.has("taxRegistered")) {
            n.allowOnly("taxRegistered");
            Boolean b = n.bool("taxRegistered", true);
            return b == null ? null : new Condition.TaxRegistered(b);
        }
        if (n.has("sizeClass")) {
            n.allowOnly("sizeClass");
            SizeClass s = n.enumValue("sizeClass", SizeClass.class, "size class", true);
            return s == null ? null : new Condition.SizeClassIs(s);
        }
        if (n.has("registeredInPeriodYear")) {
            n.allowOnly("registeredInPeriodYear");
            Boolean b = n.bool("registeredInPeriodYear", true);
            if (Boolean.FALSE.equals(b)) {
                n.get("registeredInPeriodYear").problem("registeredInPeriodYear can only be true; use not: for the opposite");
            }
            return Boolean.TRUE.equals(b) ? new Condition.RegisteredInPeriodYear() : null;
        }
        if (n.has("operatingMonths")) {
            n.allowOnly("operatingMonths");
            Integer m = n.integer("operatingMonths", true);
            return m == null ? null : new Condition.OperatingMonths(m);
        }
        if (n.has("category")) {
            n.allowOnly("category");
            String c = n.text("category", true);
            return c == null ? null : new Condition.HasCategory(c);
        }
        if (n.has("attribute")) {
            return attribute(n);
        }
        if (n.has("graduatedWithinYears")) {
            n.allowOnly("graduatedWithinYears");
            Integer y = n.integer("graduatedWithinYears", true);
            return y == null ? null : new Condition.GraduatedWithinYears(y);
        }
        n.problem("unknown condition (expected a map with one of " + String.join(", ", FORMS) + ")");
        return null;
    }

    private static Condition figure(Node n, SubjectType subject) {
        Metric metric = metric(n, "metric", subject, true);
        BigDecimal atLeast = n.decimal("atLeast", true);
        if (n.has("consecutiveMonths")) {
            n.allowOnly("metric", "atLeast", "consecutiveMonths");
            Integer months = n.integer("consecutiveMonths", true);
            return metric == null || atLeast == null || months == null ? null
                    : new Condition.ConsecutiveMonths(metric, atLeast, months);
        }
        n.allowOnly("metric", "atLeast");
        return metric == null || atLeast == null ? null : new Condition.FigureAtLeast(metric, atLeast);
    }

    private static Condition attribute(Node n) {
        n.allowOnly("attribute", "equals", "contains");
        String name = n.text("attribute", true);
        String equals = n.text("equals", false);
        String contains = n.text("contains", false);
        if ((equals == null) == (contains == null)) {
            n.problem("an attribute condition needs exactly one of equals, contains");
            return null;
        }
        if (name == null) {
            return null;
        }
        return equals != null ? new Condition.AttributeEquals(name, equals) : new Condition.AttributeContains(name, contains);
    }

    /** A metric name, checked against the names the gateway knows and the subject type it is read for. */
    static Metric metric(Node n, String field, SubjectType subject, boolean required) {
        Metric m = n.enumValue(field, Metric.class, "metric", required);
        if (m != null && subject != null && !m.appliesTo(subject)) {
            n.get(field).problem("metric " + m + " is not published for " + subject + " subjects");
        }
        return m;
    }
}
