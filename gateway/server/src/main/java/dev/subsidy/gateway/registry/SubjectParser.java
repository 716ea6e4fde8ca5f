package dev.subsidy.gateway.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.subsidy.model.Carrier;
import dev.subsidy.model.CreditCode;
import dev.subsidy.model.Platform;
import dev.subsidy.model.RegionCode;
import dev.subsidy.model.SizeClass;
import dev.subsidy.model.Subject;
import dev.subsidy.model.SubjectType;
import dev.subsidy.model.VisibleText;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Validates one registry entry (docs/registry.md), collecting every problem. JSON entries
 * must use JSON's own types (a boolean is {@code true} or {@code false}, a list is an array, text is a
 * string); CSV cells are text, read as they always were (是/否, 1/0, lists split by the controller).
 * Stateless apart from the day it was made for.
 */
final class SubjectParser {

    /** Where an entry came from: JSON has types of its own, CSV only text. */
    enum Source { JSON, CSV }

    /**
     * What was read. {@code id} is the normalised id whenever one could be read, even from an entry
     * with other problems, so that the same id twice in one body is found; {@code subject} is null
     * when there are problems.
     */
    record Parsed(String id, Subject subject, List<String> problems, List<String> warnings) {}

    static final Set<String> FIELDS = Set.of("type", "id", "name", "region", "registeredOn", "taxRegistered",
            "sizeClass", "categories", "shops", "sites", "carriers", "attributes");
    private static final Set<String> SHOP_FIELDS = Set.of("platform", "shopId");
    private static final Set<String> SITE_FIELDS = Set.of("carrier", "siteCode", "region");

    /** Firms are known by their unified social credit code (docs/registry.md); other subjects by an id the administrators give. */
    private static final Set<SubjectType> CREDIT_CODE_TYPES = EnumSet.of(SubjectType.EXPRESS_COMPANY, SubjectType.MERCHANT);
    /** The People's Republic's registers begin with it. */
    static final LocalDate EARLIEST_REGISTRATION = LocalDate.of(1949, 10, 1);

    // bounds well above any real value, so that only nonsense meets them
    static final int MAX_ID = 64;
    static final int MAX_NAME = 100;
    static final int MAX_SHOP_ID = 128;
    static final int MAX_SITE_CODE = 64;
    static final int MAX_CATEGORY = 64;
    static final int MAX_ATTRIBUTE_VALUE = 500;
    static final int MAX_LIST = 1000;
    static final int MAX_ATTRIBUTES = 100;

    /** Ids travel in URLs ({@code GET …/subjects/{id}}) and messages: letters and digits of any script, dot, dash, underscore. */
    private static final Pattern ID = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}._-]*");
    private static final Pattern TOKEN = Pattern.compile("[A-Z][A-Z0-9_]*");
    private static final Pattern ATTRIBUTE_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,63}");

    private final LocalDate today;

    /** @param today the day in China time: no subject was registered after it */
    SubjectParser(LocalDate today) {
        this.today = today;
    }

    /**
     * The id as it is kept and looked up: NFKC (full-width digits and letters become ASCII), blanks
     * around removed, and upper case when it then has the shape of a credit code, as the intake
     * reads merchant and shipper codes.
     */
    static String normaliseId(String id) {
        String n = Normalizer.normalize(id, Normalizer.Form.NFKC).strip();
        String upper = n.toUpperCase(Locale.ROOT);
        return CreditCode.hasShape(upper) ? upper : n;
    }

    Parsed parse(ObjectNode in, Source source) {
        Reader r = new Reader(source);
        in.fieldNames().forEachRemaining(f -> {
            if (!FIELDS.contains(f)) {
                r.problems.add("unknown field " + VisibleText.shown(f) + " (known: " + String.join(", ", sorted(FIELDS)) + ")");
            }
        });
        SubjectType type = r.enumValue(in, "type", SubjectType.class, true);
        String id = id(r, in, type);
        String name = r.text(in, "name", true, MAX_NAME);
        String region = r.text(in, "region", true, MAX_ID);
        if (region != null && !RegionCode.isValid(region)) {
            r.problems.add("region: " + VisibleText.shown(region) + " is not a division code of 6, 9 or 12 digits");
        }
        LocalDate registeredOn = registeredOn(r, in);
        Boolean tax = r.bool(in, "taxRegistered");
        SizeClass size = r.enumValue(in, "sizeClass", SizeClass.class, false);
        List<String> categories = categories(r, in);
        List<Subject.Shop> shops = shops(r, in);
        List<Subject.Site> sites = sites(r, in);
        List<Carrier> carriers = new ArrayList<>();
        for (String c : r.items(in, "carriers")) {
            r.enumConstant("carriers", c, Carrier.class).ifPresent(carriers::add);
        }
        Map<String, String> attributes = attributes(r, in);
        if (!r.problems.isEmpty()) {
            return new Parsed(id, null, List.copyOf(r.problems), List.copyOf(r.warnings));
        }
        return new Parsed(id, new Subject(type, id, name, region, registeredOn, tax, size, categories, shops, sites,
                carriers, attributes), List.of(), List.copyOf(r.warnings));
    }

    private static String id(Reader r, ObjectNode in, SubjectType type) {
        String raw = r.text(in, "id", true, Integer.MAX_VALUE);
        if (raw == null) {
            return null;
        }
        String id = normaliseId(raw);
        int problemsBefore = r.problems.size();
        if (VisibleText.length(id) > MAX_ID) {
            r.problems.add("id: " + VisibleText.shown(id) + " is longer than " + MAX_ID + " characters");
        } else if (!ID.matcher(id).matches()) {
            r.problems.add("id: " + VisibleText.shown(id) + " may hold only letters, digits, '.', '-' and '_', "
                    + "beginning with a letter or digit");
        } else if (CREDIT_CODE_TYPES.contains(type)) {
            CreditCode.shapeProblem(id).ifPresent(p -> r.problems.add("id: " + VisibleText.shown(id) + " is not the "
                    + "unified social credit code a " + type.name().toLowerCase(Locale.ROOT).replace('_', ' ')
                    + " is known by: " + p));
        }
        if (r.problems.size() > problemsBefore) {
            return null;
        }
        if (CreditCode.hasShape(id)) {
            // real codes exist that fail the check (docs/registry.md): keep the entry, let a person look
            CreditCode.checkProblem(id).ifPresent(p -> r.warnings.add("id " + id + " fails the credit code check: " + p));
        }
        return id;
    }

    private LocalDate registeredOn(Reader r, ObjectNode in) {
        String date = r.text(in, "registeredOn", false, 10);
        if (date == null) {
            return null;
        }
        LocalDate d;
        try {
            d = LocalDate.parse(date);
        } catch (DateTimeParseException e) {
            r.problems.add("registeredOn: " + VisibleText.shown(date) + " is not a date (yyyy-MM-dd)");
            return null;
        }
        if (d.isBefore(EARLIEST_REGISTRATION)) {
            r.problems.add("registeredOn: " + d + " is before " + EARLIEST_REGISTRATION + ", where the registers begin");
        } else if (d.isAfter(today)) {
            r.problems.add("registeredOn: " + d + " is in the future (today is " + today + " in China)");
        }
        return d;
    }

    private static List<String> categories(Reader r, ObjectNode in) {
        List<String> categories = new ArrayList<>();
        for (String c : r.items(in, "categories")) {
            String upper = c.toUpperCase(Locale.ROOT);
            if (VisibleText.length(upper) <= MAX_CATEGORY && TOKEN.matcher(upper).matches()) {
                categories.add(upper);
            } else {
                r.problems.add("categories: " + VisibleText.shown(c) + " is not a category code such as LOCAL_PRODUCT");
            }
        }
        return List.copyOf(categories);
    }

    private static List<Subject.Shop> shops(Reader r, ObjectNode in) {
        List<Subject.Shop> shops = new ArrayList<>();
        for (ObjectNode shop : r.objects(in, "shops", SHOP_FIELDS)) {
            Platform platform = r.enumValue(shop, "platform", Platform.class, true, "shops: ");
            String shopId = r.text(shop, "shopId", true, MAX_SHOP_ID, "shops: ");
            if (platform != null && shopId != null) {
                // the form records' shop ids are kept in (NFKC), or a full-width entry never matches
                shops.add(new Subject.Shop(platform, Normalizer.normalize(shopId, Normalizer.Form.NFKC)));
            }
        }
        return List.copyOf(shops);
    }

    private static List<Subject.Site> sites(Reader r, ObjectNode in) {
        List<Subject.Site> sites = new ArrayList<>();
        for (ObjectNode site : r.objects(in, "sites", SITE_FIELDS)) {
            Carrier carrier = r.enumValue(site, "carrier", Carrier.class, true, "sites: ");
            String code = r.text(site, "siteCode", true, MAX_SITE_CODE, "sites: ");
            code = code == null ? null : Normalizer.normalize(code, Normalizer.Form.NFKC);
            String siteRegion = r.text(site, "region", false, MAX_ID, "sites: ");
            if (siteRegion != null && !RegionCode.isValid(siteRegion)) {
                r.problems.add("sites: region " + VisibleText.shown(siteRegion) + " is not a division code");
            }
            if (carrier != null && code != null) {
                sites.add(new Subject.Site(carrier, code, siteRegion));
            }
        }
        return List.copyOf(sites);
    }

    private static Map<String, String> attributes(Reader r, ObjectNode in) {
        Map<String, String> attributes = new TreeMap<>();
        JsonNode attrs = in.get("attributes");
        if (attrs == null || attrs.isNull()) {
            return attributes;
        }
        if (!attrs.isObject()) {
            r.problems.add("attributes: must be an object of name → text");
            return attributes;
        }
        if (attrs.size() > MAX_ATTRIBUTES) {
            r.problems.add("attributes: " + attrs.size() + " of them, at most " + MAX_ATTRIBUTES);
            return attributes;
        }
        attrs.fields().forEachRemaining(e -> {
            String field = "attributes." + VisibleText.shown(e.getKey());
            if (!ATTRIBUTE_NAME.matcher(e.getKey()).matches()) {
                r.problems.add(field + ": a name is a letter then letters, digits or '_' (at most 64), such as ecommerceCity");
                return;
            }
            JsonNode v = e.getValue();
            String text = v.isTextual() ? v.asText().strip()
                    : v.isBoolean() || v.isIntegralNumber() ? v.asText()
                    : v.isNumber() ? v.decimalValue().stripTrailingZeros().toPlainString() : null;
            if (text == null) {
                r.problems.add(field + ": must be text, a number or true/false");
            } else {
                r.checkText(field, text, MAX_ATTRIBUTE_VALUE).ifPresent(ok -> attributes.put(e.getKey(), ok));
            }
        });
        return attributes;
    }

    private static List<String> sorted(Set<String> s) {
        return s.stream().sorted().toList();
    }

    /** Reads fields of one entry by the rules of its source, collecting problems and warnings. */
    private static final class Reader {
        final Source source;
        final List<String> problems = new ArrayList<>();
        final List<String> warnings = new ArrayList<>();

        Reader(Source source) {
            this.source = source;
        }

        String text(ObjectNode in, String field, boolean required, int max) {
            return text(in, field, required, max, "");
        }

        /** Text without invisible characters and at most {@code max} characters, or null (with a problem unless absent and optional). */
        String text(ObjectNode in, String field, boolean required, int max, String prefix) {
            JsonNode node = in.get(field);
            if (node == null || node.isNull() || node.isTextual() && node.asText().isBlank()) {
                if (required) {
                    problems.add(prefix + field + ": missing");
                }
                return null;
            }
            if (!node.isTextual()) {
                problems.add(prefix + field + ": must be text (a JSON string), not " + jsonType(node));
                return null;
            }
            return checkText(prefix + field, node.asText().strip(), max).orElse(null);
        }

        java.util.Optional<String> checkText(String field, String value, int max) {
            if (VisibleText.length(value) > max) {
                problems.add(field + ": " + VisibleText.length(value) + " characters, at most " + max);
                return java.util.Optional.empty();
            }
            java.util.Optional<String> invisible = VisibleText.invisible(value);
            if (invisible.isPresent()) {
                problems.add(field + ": holds " + invisible.get() + ", which no name or code may hold");
                return java.util.Optional.empty();
            }
            return java.util.Optional.of(value);
        }

        <E extends Enum<E>> E enumValue(ObjectNode in, String field, Class<E> type, boolean required) {
            return enumValue(in, field, type, required, "");
        }

        <E extends Enum<E>> E enumValue(ObjectNode in, String field, Class<E> type, boolean required, String prefix) {
            String value = text(in, field, required, 64, prefix);
            return value == null ? null : enumConstant(prefix + field, value, type).orElse(null);
        }

        <E extends Enum<E>> java.util.Optional<E> enumConstant(String field, String value, Class<E> type) {
            try {
                return java.util.Optional.of(Enum.valueOf(type, value.toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                problems.add(field + ": unknown value " + VisibleText.shown(value) + " (expected one of "
                        + Arrays.toString(type.getEnumConstants()) + ")");
                return java.util.Optional.empty();
            }
        }

        /** JSON: true or false. CSV: the words a spreadsheet holds (true/false, 1/0, yes/no, 是/否). */
        Boolean bool(ObjectNode in, String field) {
            JsonNode node = in.get(field);
            if (node == null || node.isNull() || node.isTextual() && node.asText().isBlank()) {
                return null;
            }
            if (source == Source.JSON) {
                if (node.isBoolean()) {
                    return node.booleanValue();
                }
                problems.add(field + ": must be true or false (a JSON boolean), not " + jsonType(node));
                return null;
            }
            return switch (node.asText().strip().toLowerCase(Locale.ROOT)) {
                case "true", "1", "yes", "是" -> Boolean.TRUE;
                case "false", "0", "no", "否" -> Boolean.FALSE;
                default -> {
                    problems.add(field + ": " + VisibleText.shown(node.asText()) + " is not true or false");
                    yield null;
                }
            };
        }

        /** The items of a list of text: a JSON array of strings (CSV cells arrive split into one). */
        List<String> items(ObjectNode in, String field) {
            JsonNode node = in.get(field);
            List<String> out = new ArrayList<>();
            if (node == null || node.isNull()) {
                return out;
            }
            if (!node.isArray()) {
                problems.add(field + ": must be a list (a JSON array), not " + jsonType(node));
                return out;
            }
            if (node.size() > MAX_LIST) {
                problems.add(field + ": " + node.size() + " items, at most " + MAX_LIST);
                return out;
            }
            for (JsonNode item : node) {
                if (!item.isTextual()) {
                    problems.add(field + ": items must be text (JSON strings), not " + jsonType(item));
                } else if (!item.asText().isBlank()) {
                    checkText(field, item.asText().strip(), 64).ifPresent(out::add);
                }
            }
            return out;
        }

        /** A list of objects with known fields only. */
        List<ObjectNode> objects(ObjectNode in, String field, Set<String> known) {
            JsonNode node = in.get(field);
            List<ObjectNode> out = new ArrayList<>();
            if (node == null || node.isNull()) {
                return out;
            }
            if (!node.isArray()) {
                problems.add(field + ": must be a list of objects");
                return out;
            }
            if (node.size() > MAX_LIST) {
                problems.add(field + ": " + node.size() + " items, at most " + MAX_LIST);
                return out;
            }
            for (JsonNode item : node) {
                if (item instanceof ObjectNode o) {
                    o.fieldNames().forEachRemaining(f -> {
                        if (!known.contains(f)) {
                            problems.add(field + ": unknown field " + VisibleText.shown(f) + " (known: "
                                    + String.join(", ", sorted(known)) + ")");
                        }
                    });
                    out.add(o);
                } else {
                    problems.add(field + ": items must be objects");
                }
            }
            return out;
        }

        private static String jsonType(JsonNode node) {
            return switch (node.getNodeType()) {
                case BOOLEAN -> "a boolean";
                case NUMBER -> "a number";
                case ARRAY -> "a list";
                case OBJECT -> "an object";
                case STRING -> "text";
                default -> node.getNodeType().name().toLowerCase(Locale.ROOT);
            };
        }
    }
}
