package dev.subsidy.gateway.intake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.subsidy.gateway.jurisdiction.RegionCode;
import dev.subsidy.gateway.registry.CreditCode;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Reads typed fields from one source record and collects every problem, so a rejection names all
 * that is wrong with the record rather than only the first thing. Values may come as JSON types
 * or as text (CSV).
 */
final class FieldReader {

    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");
    private static final Pattern TOKEN = Pattern.compile("[A-Z][A-Z0-9_]*");
    private static final int MAX_TEXT = 120;

    private final ObjectNode fields;
    private final List<String> problems = new ArrayList<>();

    FieldReader(ObjectNode fields) {
        this.fields = fields;
    }

    List<String> problems() {
        return problems;
    }

    void problem(String message) {
        problems.add(message);
    }

    boolean has(String name) {
        JsonNode node = fields.get(name);
        return node != null && !node.isNull() && !(node.isTextual() && node.textValue().isBlank());
    }

    String text(String name, boolean required) {
        JsonNode node = fields.get(name);
        if (node == null || node.isNull() || node.isTextual() && node.textValue().isBlank()) {
            if (required) {
                problems.add(name + ": missing");
            }
            return null;
        }
        if (!node.isValueNode()) {
            problems.add(name + ": must be text, got " + node.getNodeType().name().toLowerCase(Locale.ROOT));
            return null;
        }
        String value = node.asText().strip();
        if (value.length() > MAX_TEXT) {
            problems.add(name + ": longer than " + MAX_TEXT + " characters");
            return null;
        }
        return value;
    }

    <E extends Enum<E>> E enumValue(String name, Class<E> type, boolean required) {
        String value = text(name, required);
        if (value == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            problems.add(name + ": unknown value '" + value + "' (expected one of "
                    + Arrays.toString(type.getEnumConstants()) + ")");
            return null;
        }
    }

    Instant instant(String name, boolean required) {
        String value = text(name, required);
        if (value == null) {
            return null;
        }
        try {
            return IsoInstants.parse(value);
        } catch (DateTimeParseException e) {
            problems.add(name + ": '" + value + "' is not an ISO-8601 date-time with an offset "
                    + "(e.g. 2026-11-01T00:30:00+08:00)");
            return null;
        }
    }

    String region(String name, boolean required) {
        String value = text(name, required);
        if (value != null && !RegionCode.isValid(value)) {
            problems.add(name + ": '" + value + "' is not a division code of 6, 9 or 12 digits");
            return null;
        }
        return value;
    }

    String country(String name) {
        String value = text(name, false);
        if (value == null) {
            return null;
        }
        String upper = value.toUpperCase(Locale.ROOT);
        if (!COUNTRY.matcher(upper).matches()) {
            problems.add(name + ": '" + value + "' is not an ISO 3166-1 alpha-2 country code");
            return null;
        }
        return upper;
    }

    String creditCode(String name) {
        String value = text(name, false);
        if (value != null && !CreditCode.hasShape(value.toUpperCase(Locale.ROOT))) {
            problems.add(name + ": '" + value + "' is not an 18-character unified social credit code");
            return null;
        }
        return value == null ? null : value.toUpperCase(Locale.ROOT);
    }

    Integer nonNegativeInt(String name) {
        String value = text(name, false);
        if (value == null) {
            return null;
        }
        try {
            int n = Integer.parseInt(value);
            if (n < 0) {
                problems.add(name + ": must not be negative, got " + n);
                return null;
            }
            return n;
        } catch (NumberFormatException e) {
            problems.add(name + ": '" + value + "' is not a whole number");
            return null;
        }
    }

    /** Yuan with at most two decimals ("13000.00"); never a binary float. */
    BigDecimal money(String name, boolean required) {
        String value = text(name, required);
        if (value == null) {
            return null;
        }
        BigDecimal amount;
        try {
            amount = new BigDecimal(value);
        } catch (NumberFormatException e) {
            problems.add(name + ": '" + value + "' is not a decimal amount in yuan");
            return null;
        }
        if (amount.signum() < 0) {
            problems.add(name + ": must not be negative, got " + value);
            return null;
        }
        if (amount.stripTrailingZeros().scale() > 2) {
            problems.add(name + ": '" + value + "' has more than two decimals (amounts are yuan with fen)");
            return null;
        }
        return amount.setScale(2);
    }

    Boolean bool(String name) {
        JsonNode node = fields.get(name);
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        String value = node.asText().strip().toLowerCase(Locale.ROOT);
        return switch (value) {
            case "true", "1", "yes" -> Boolean.TRUE;
            case "false", "0", "no", "" -> Boolean.FALSE;
            default -> {
                problems.add(name + ": '" + node.asText() + "' is not true or false");
                yield null;
            }
        };
    }

    /** A list of text items; a single text value is taken as a list of one. */
    List<String> list(String name) {
        JsonNode node = fields.get(name);
        if (node == null || node.isNull()) {
            return List.of();
        }
        List<String> items = new ArrayList<>();
        if (node.isArray()) {
            for (JsonNode item : node) {
                if (!item.isValueNode() || item.isNull()) {
                    problems.add(name + ": items must be text");
                    return List.of();
                }
                String value = item.asText().strip();
                if (!value.isEmpty()) {
                    items.add(value);
                }
            }
        } else if (node.isValueNode()) {
            items.add(node.asText().strip());
        } else {
            problems.add(name + ": must be a list");
        }
        return items;
    }

    List<String> tokens(String name) {
        List<String> items = new ArrayList<>();
        for (String item : list(name)) {
            String upper = item.toUpperCase(Locale.ROOT);
            if (!TOKEN.matcher(upper).matches()) {
                problems.add(name + ": '" + item + "' is not a category code such as LOCAL_PRODUCT");
            } else {
                items.add(upper);
            }
        }
        return items;
    }
}
