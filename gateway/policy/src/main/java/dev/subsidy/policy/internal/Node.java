package dev.subsidy.policy.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** A place in the YAML tree with its path, reading typed values and reporting each problem where it is. */
final class Node {

    final JsonNode json;
    final String path;
    final Problems problems;

    Node(JsonNode json, String path, Problems problems) {
        this.json = json;
        this.path = path;
        this.problems = problems;
    }

    boolean absent() {
        return json == null || json.isMissingNode() || json.isNull();
    }

    boolean has(String field) {
        return !get(field).absent();
    }

    Node get(String field) {
        JsonNode child = json == null ? null : json.get(field);
        return new Node(child, path + "/" + field.replace("~", "~0").replace("/", "~1"), problems);
    }

    void problem(String reason) {
        problems.add(path, reason);
    }

    boolean isMap() {
        return json != null && json.isObject();
    }

    /** Reports every key not among {@code allowed}: a misspelt key must not silently vanish. */
    void allowOnly(String... allowed) {
        if (!isMap()) {
            return;
        }
        Set<String> known = Set.of(allowed);
        for (Iterator<String> names = json.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.contains(name)) {
                get(name).problem("unknown field '" + name + "' (expected " + String.join(", ", new TreeSet<>(known)) + ")");
            }
        }
    }

    /** The elements of a list; a missing list is empty unless required. */
    List<Node> list(String field, boolean required) {
        Node n = get(field);
        if (n.absent()) {
            if (required) {
                missing(field);
            }
            return List.of();
        }
        if (!n.json.isArray()) {
            n.problem(field + " must be a list");
            return List.of();
        }
        List<Node> elements = new ArrayList<>();
        for (int i = 0; i < n.json.size(); i++) {
            elements.add(new Node(n.json.get(i), n.path + "/" + i, problems));
        }
        if (required && elements.isEmpty()) {
            n.problem(field + " must not be empty");
        }
        return elements;
    }

    String text(String field, boolean required) {
        Node n = get(field);
        if (n.absent()) {
            if (required) {
                missing(field);
            }
            return null;
        }
        if (!n.json.isValueNode()) {
            n.problem(field + " must be a single value");
            return null;
        }
        return n.json.asText();
    }

    BigDecimal decimal(String field, boolean required) {
        Node n = get(field);
        if (n.absent()) {
            if (required) {
                missing(field);
            }
            return null;
        }
        BigDecimal value;
        try {
            // a YAML .inf or .nan is a number node that has no decimal value
            value = n.json.isNumber() ? n.json.decimalValue() : new BigDecimal(n.json.asText().trim());
        } catch (NumberFormatException e) {
            n.problem("'" + n.json.asText() + "' is not a number (" + field + ")");
            return null;
        }
        if (!withinBounds(value)) {
            // 1e999999999 is a number, but one that no explanation can print and no tier can reach
            n.problem("'" + n.json.asText() + "' is not an amount, count or rate a policy can hold: at most "
                    + MAX_WHOLE_DIGITS + " digits before the decimal point and " + MAX_DECIMALS + " after (" + field + ")");
            return null;
        }
        return value;
    }

    /** Larger than any figure or amount of a county's subsidies (a trillion yuan has 13 digits). */
    static final int MAX_WHOLE_DIGITS = 15;
    /** Finer than any rate a policy document states. */
    static final int MAX_DECIMALS = 10;

    /** Whether a number is one a policy can hold: see {@link #MAX_WHOLE_DIGITS} and {@link #MAX_DECIMALS}. */
    static boolean withinBounds(BigDecimal value) {
        BigDecimal v = value.stripTrailingZeros();
        // compared as longs: a scale can be any int, and precision - scale overflows an int for 1e-2147483647
        return (long) v.precision() - v.scale() <= MAX_WHOLE_DIGITS && v.scale() <= MAX_DECIMALS;
    }

    /** A number that must be greater than zero (amounts, rates, steps). */
    BigDecimal positive(String field, boolean required) {
        BigDecimal v = decimal(field, required);
        if (v != null && v.signum() <= 0) {
            get(field).problem(field + " must be greater than 0, not " + v.toPlainString());
            return null;
        }
        return v;
    }

    Integer integer(String field, boolean required) {
        BigDecimal v = positive(field, required);
        if (v == null) {
            return null;
        }
        try {
            return v.intValueExact();
        } catch (ArithmeticException e) {
            get(field).problem(field + " must be a whole number, not " + v.toPlainString());
            return null;
        }
    }

    Boolean bool(String field, boolean required) {
        Node n = get(field);
        if (n.absent()) {
            if (required) {
                missing(field);
            }
            return null;
        }
        if (!n.json.isBoolean()) {
            n.problem(field + " must be true or false, not '" + n.json.asText() + "'");
            return null;
        }
        return n.json.booleanValue();
    }

    LocalDate date(String field, boolean required) {
        String s = text(field, required);
        if (s == null) {
            return null;
        }
        try {
            return LocalDate.parse(s);
        } catch (DateTimeParseException e) {
            get(field).problem("'" + s + "' is not a date (YYYY-MM-DD) (" + field + ")");
            return null;
        }
    }

    <E extends Enum<E>> E enumValue(String field, Class<E> type, String what, boolean required) {
        String s = text(field, required);
        if (s == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, s);
        } catch (IllegalArgumentException e) {
            get(field).problem("unknown " + what + " '" + s + "' (expected one of "
                    + String.join(", ", Arrays.stream(type.getEnumConstants()).map(Enum::name).toList()) + ")");
            return null;
        }
    }

    void missing(String field) {
        problem("missing " + field);
    }
}
