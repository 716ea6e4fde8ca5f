package dev.subsidy.intake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.subsidy.model.CreditCode;
import dev.subsidy.model.RegionCode;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads typed fields from one source record and collects every problem, so a rejection names all
 * that is wrong with the record rather than only the first thing.
 *
 * <p>Types are exact: text is a JSON string (an integral JSON number is taken as its digits), a
 * boolean is {@code true} or {@code false}, a list is a JSON array, a whole number is a JSON
 * integer, an amount is a decimal string (or a JSON number) with at most two decimals and no
 * exponent. A CSV body is turned into these types by {@link CsvRecordReader}, so every way a record
 * arrives meets the same rules here. Every text is bounded, taken in NFKC and refused when it holds
 * invisible characters ({@link RecordText}); every time lies in the window of {@link RecordLimits}.
 */
final class FieldReader {

    /** Any text field, before a more specific bound: also keeps echoed values short in a reason. */
    static final int MAX_TEXT = 120;
    /** Items of one list field (waybills of one order, its categories). */
    static final int MAX_LIST_ITEMS = 1000;

    /** ASCII digits only: {@code new BigDecimal} would read full-width digits and exponents too. */
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private final ObjectNode fields;
    private final RecordLimits limits;
    private final Instant now;
    private final Instant latest;
    private final List<String> problems = new ArrayList<>();

    /** @param now the gateway's clock at arrival: times later than this plus the allowed skew are refused */
    FieldReader(ObjectNode fields, RecordLimits limits, Instant now) {
        this.fields = fields;
        this.limits = limits;
        this.now = now;
        this.latest = now.plus(limits.maxClockSkew());
    }

    /** A reader of an object inside this record (one scan), under the same limits and clock. */
    FieldReader nested(ObjectNode object) {
        return new FieldReader(object, limits, now);
    }

    /** The field's JSON value as sent, or null when absent. */
    JsonNode node(String name) {
        JsonNode node = fields.get(name);
        return absent(node) ? null : node;
    }

    List<String> problems() {
        return problems;
    }

    void problem(String message) {
        problems.add(message);
    }

    boolean has(String name) {
        JsonNode node = fields.get(name);
        return !absent(node);
    }

    private static boolean absent(JsonNode node) {
        return node == null || node.isNull() || node.isTextual() && node.textValue().isBlank();
    }

    /** Text in its one form (NFKC, stripped), or null when absent or refused. */
    String text(String name, boolean required) {
        JsonNode node = fields.get(name);
        if (absent(node)) {
            if (required) {
                problems.add(name + ": missing");
            }
            return null;
        }
        if (!node.isTextual() && !node.isIntegralNumber()) {
            problems.add(name + ": must be text, got " + describe(node));
            return null;
        }
        return clean(name, node.asText());
    }

    /** The checks every text passes: bounded, nothing invisible, NFKC; null (and a problem) when refused. */
    private String clean(String name, String raw) {
        String value = raw.strip();
        if (value.length() > MAX_TEXT) {
            problems.add(name + ": longer than " + MAX_TEXT + " characters");
            return null;
        }
        int invisible = RecordText.invisibleAt(value);
        if (invisible >= 0) {
            problems.add(name + ": holds an invisible or control character (" + RecordText.describeAt(value, invisible)
                    + "); send plain text");
            return null;
        }
        int replaced = value.indexOf('\uFFFD');
        if (replaced >= 0) {
            // the mark of a lossy decoding upstream (a connector that read bytes leniently): garbled, not data
            problems.add(name + ": holds " + RecordText.describeAt(value, replaced)
                    + ", the mark of bytes that were not valid text; send the text in UTF-8 or GBK");
            return null;
        }
        return RecordText.normalise(value).strip();
    }

    /**
     * An identifier (waybill, order, site): text in its one form with no white space, at most
     * {@code gateway.feeds.max-id-length} characters.
     */
    String identifier(String name, boolean required) {
        return identifier(name, text(name, required), limits.maxIdLength(), false);
    }

    /** A shop id: may hold single spaces between words (a shop's nick), runs of space become one. */
    String shopIdentifier(String name, boolean required) {
        return identifier(name, text(name, required), limits.maxIdLength(), true);
    }

    /** An identifier with its own bound (a hash has its column's length, not an id's). */
    String identifier(String name, boolean required, int maxLength) {
        return identifier(name, text(name, required), maxLength, false);
    }

    private static boolean hasSpace(String value) {
        for (int i = 0; i < value.length(); ) {
            int cp = value.codePointAt(i);
            if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
                return true;
            }
            i += Character.charCount(cp);
        }
        return false;
    }

    /** Checks an identifier already in its one form (a part of a reference); null and a problem when refused. */
    String identifier(String name, String value, int maxLength, boolean spaces) {
        if (value == null) {
            return null;
        }
        // most identifiers hold no space at all: looked for by a scan before any regular expression runs
        boolean blank = hasSpace(value);
        if (spaces && blank) {
            value = SPACES.matcher(value).replaceAll(" ");
        } else if (!spaces && blank) {
            problems.add(name + ": '" + value + "' contains white space");
            return null;
        }
        if (value.codePointCount(0, value.length()) > maxLength) {
            problems.add(name + ": '" + value + "' is longer than " + maxLength + " characters");
            return null;
        }
        return value;
    }

    int maxIdLength() {
        return limits.maxIdLength();
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

    /** An ISO-8601 date-time with an offset, inside the window every time must keep. */
    Instant instant(String name, boolean required) {
        JsonNode node = fields.get(name);
        if (absent(node)) {
            if (required) {
                problems.add(name + ": missing");
            }
            return null;
        }
        if (!node.isTextual()) {
            problems.add(name + ": must be an ISO-8601 date-time as text, got " + describe(node));
            return null;
        }
        if (clean(name, node.textValue()) == null) {
            return null;
        }
        // the text as written, not its NFKC form: a time is written in ASCII digits or not at all
        String value = node.textValue().strip();
        Instant instant;
        try {
            instant = IsoInstants.parse(value);
        } catch (DateTimeException e) {
            problems.add(name + ": '" + value + "' is not an ISO-8601 date-time with an offset "
                    + "(e.g. 2026-11-01T00:30:00+08:00)");
            return null;
        }
        if (instant.isBefore(limits.earliest())) {
            problems.add(name + ": '" + value + "' is before " + limits.earliestTime()
                    + ", the earliest time the gateway takes (gateway.feeds.earliest-time)");
            return null;
        }
        if (instant.isAfter(latest)) {
            problems.add(name + ": '" + value + "' is in the future: later than the gateway's clock "
                    + latest.minus(limits.maxClockSkew()) + " plus the " + duration(limits.maxClockSkew())
                    + " a feeder's clock may be ahead (gateway.feeds.max-clock-skew)");
            return null;
        }
        return instant;
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
        return code(name, 2, "an ISO 3166-1 alpha-2 country code");
    }

    String currency(String name) {
        return code(name, 3, "an ISO 4217 currency code such as CNY");
    }

    /** A code of {@code letters} ASCII capitals, in any case as sent. */
    private String code(String name, int letters, String what) {
        String value = text(name, false);
        if (value == null) {
            return null;
        }
        String upper = value.toUpperCase(Locale.ROOT);
        if (upper.length() != letters || !upper.chars().allMatch(c -> c >= 'A' && c <= 'Z')) {
            problems.add(name + ": '" + value + "' is not " + what);
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

    /** A JSON integer from 1 to 2147483647 (a count of things that exist when the field is sent at all). */
    Integer positiveInt(String name) {
        Integer value = nonNegativeInt(name);
        if (value != null && value == 0) {
            problems.add(name + ": must be at least 1, got 0");
            return null;
        }
        return value;
    }

    /** A JSON integer from 0 to 2147483647. */
    Integer nonNegativeInt(String name) {
        JsonNode node = fields.get(name);
        if (absent(node)) {
            return null;
        }
        if (!node.isIntegralNumber()) {
            String got = node.isTextual() ? "the text '" + excerpt(node.textValue()) + "'"
                    : node.isNumber() ? node.asText() : describe(node);
            problems.add(name + ": must be a whole number, got " + got);
            return null;
        }
        if (node.bigIntegerValue().signum() < 0) {
            problems.add(name + ": must not be negative, got " + node.asText());
            return null;
        }
        if (!node.canConvertToInt()) {
            problems.add(name + ": " + excerpt(node.asText()) + " is more than " + Integer.MAX_VALUE);
            return null;
        }
        return node.intValue();
    }

    /**
     * Yuan with at most two decimals: a string of ASCII digits ({@code "13000.00"}) or a JSON number
     * read exactly; never a binary float, never an exponent. The bound is checked by the caller, in
     * CNY after conversion.
     */
    BigDecimal money(String name, boolean required) {
        JsonNode node = fields.get(name);
        if (absent(node)) {
            if (required) {
                problems.add(name + ": missing");
            }
            return null;
        }
        BigDecimal amount;
        String written;
        if (node.isTextual()) {
            if (clean(name, node.textValue()) == null) {
                return null;
            }
            // the text as written: NFKC would turn full-width digits into an amount nobody wrote
            written = node.textValue().strip();
            if (!isDecimal(written)) {
                problems.add(name + ": '" + written + "' is not a decimal amount in yuan (ASCII digits with at most "
                        + "two decimals, such as 59.90: no exponent, no separators, no currency sign)");
                return null;
            }
            amount = new BigDecimal(written);
        } else if (node.isBigDecimal() || node.isIntegralNumber()) {
            amount = node.decimalValue();
            written = amount.toString();
            if (amount.scale() < 0) {
                problems.add(name + ": " + excerpt(written) + " is a number with an exponent; send the amount as "
                        + "a decimal string such as \"59.90\"");
                return null;
            }
        } else if (node.isNumber()) {
            problems.add(name + ": " + node.asText() + " is a binary floating-point number, which cannot hold fen "
                    + "exactly; send the amount as a decimal string such as \"59.90\"");
            return null;
        } else {
            problems.add(name + ": must be a decimal amount in yuan such as \"59.90\", got " + describe(node));
            return null;
        }
        if (amount.signum() < 0) {
            problems.add(name + ": must not be negative, got " + excerpt(written));
            return null;
        }
        if (amount.scale() > 2) {
            problems.add(name + ": '" + excerpt(written) + "' has more than two decimals (amounts are yuan with fen)");
            return null;
        }
        return amount.setScale(2);
    }

    /** {@code true} or {@code false}, the JSON literals; nothing else is taken for one. */
    Boolean bool(String name) {
        JsonNode node = fields.get(name);
        if (absent(node)) {
            return null;
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        String got = node.isTextual() ? "the text '" + excerpt(node.textValue()) + "'" : describe(node);
        problems.add(name + ": must be true or false, got " + got);
        return null;
    }

    /** A JSON array of text items, each in its one form; blank items carry nothing and are left out. */
    List<String> list(String name) {
        JsonNode node = fields.get(name);
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (!node.isArray()) {
            problems.add(name + ": must be a list (a JSON array), got " + describe(node));
            return List.of();
        }
        if (node.size() > MAX_LIST_ITEMS) {
            problems.add(name + ": more than " + MAX_LIST_ITEMS + " items");
            return List.of();
        }
        Set<String> items = new LinkedHashSet<>();
        int position = 0;
        for (JsonNode item : node) {
            position++;
            if (!item.isTextual()) {
                problems.add(name + ": item " + position + " must be text, got " + describe(item));
                return List.of();
            }
            if (item.textValue().isBlank()) {
                continue;
            }
            String value = clean(name + " item " + position, item.textValue());
            if (value == null) {
                return List.of();
            }
            items.add(value);
        }
        // the same item twice (perhaps once full-width) is one item
        return List.copyOf(items);
    }

    /** Category codes such as LOCAL_PRODUCT, together within the 500 characters kept for them. */
    List<String> tokens(String name) {
        List<String> items = new ArrayList<>();
        int together = -1;
        for (String item : list(name)) {
            String upper = item.toUpperCase(Locale.ROOT);
            if (!isToken(upper)) {
                problems.add(name + ": '" + item + "' is not a category code such as LOCAL_PRODUCT");
            } else {
                items.add(upper);
                // as they are kept: joined by commas
                together += upper.length() + 1;
            }
        }
        if (together > 500) {
            problems.add(name + ": more than 500 characters together");
            return List.of();
        }
        return items;
    }

    /**
     * {@code -?[0-9]+(\\.[0-9]+)?}, by a scan rather than a regular expression: every order's amount is read with it.
     */
    private static boolean isDecimal(String text) {
        int i = text.startsWith("-") ? 1 : 0;
        int digits = 0;
        while (i < text.length() && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
            i++;
            digits++;
        }
        if (digits == 0) {
            return false;
        }
        if (i == text.length()) {
            return true;
        }
        if (text.charAt(i++) != '.') {
            return false;
        }
        int decimals = 0;
        while (i < text.length() && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
            i++;
            decimals++;
        }
        return decimals > 0 && i == text.length();
    }

    /** {@code [A-Z][A-Z0-9_]*}, by a scan: an order's categories are read for every order. */
    private static boolean isToken(String text) {
        if (text.isEmpty() || text.charAt(0) < 'A' || text.charAt(0) > 'Z') {
            return false;
        }
        for (int i = 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!(c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_')) {
                return false;
            }
        }
        return true;
    }

    static String describe(JsonNode node) {
        if (node.isTextual()) {
            return "text";
        }
        if (node.isBoolean()) {
            return "the boolean " + node.booleanValue();
        }
        if (node.isNumber()) {
            return "the number " + excerpt(node.asText());
        }
        if (node.isArray()) {
            return "a list";
        }
        if (node.isObject()) {
            return "an object";
        }
        return node.getNodeType().name().toLowerCase(Locale.ROOT);
    }

    /** A value as a reason may quote it: short, and without characters that would hide in it. */
    private static String excerpt(String text) {
        String shown = text.length() > 40 ? text.substring(0, 40) + "…" : text;
        StringBuilder out = new StringBuilder(shown.length());
        shown.codePoints().forEach(cp -> {
            if (RecordText.invisible(cp)) {
                out.append(String.format(Locale.ROOT, "\\u%04X", cp));
            } else {
                out.appendCodePoint(cp);
            }
        });
        return out.toString();
    }

    private static String duration(Duration d) {
        if (d.toSecondsPart() == 0 && d.toMillisPart() == 0) {
            return d.toMinutes() + " minutes";
        }
        return d.toSeconds() + " seconds";
    }
}
