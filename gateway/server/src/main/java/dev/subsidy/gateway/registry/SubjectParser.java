package dev.subsidy.gateway.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.subsidy.gateway.jurisdiction.RegionCode;
import dev.subsidy.gateway.records.Carrier;
import dev.subsidy.gateway.records.Platform;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Validates one registry entry, collecting every problem. Stateless. */
final class SubjectParser {

    private static final Pattern TOKEN = Pattern.compile("[A-Z][A-Z0-9_]*");

    /** The subject, or null with the problems filled in. */
    Subject parse(ObjectNode in, List<String> problems) {
        SubjectType type = enumValue(in, "type", SubjectType.class, true, problems);
        String id = text(in, "id", true, problems);
        String name = text(in, "name", true, problems);
        String region = text(in, "region", true, problems);
        if (region != null && !RegionCode.isValid(region)) {
            problems.add("region: '" + region + "' is not a division code of 6, 9 or 12 digits");
        }
        LocalDate registeredOn = null;
        String date = text(in, "registeredOn", false, problems);
        if (date != null) {
            try {
                registeredOn = LocalDate.parse(date);
            } catch (DateTimeParseException e) {
                problems.add("registeredOn: '" + date + "' is not a date (yyyy-MM-dd)");
            }
        }
        Boolean tax = bool(in, "taxRegistered", problems);
        Subject.SizeClass size = enumValue(in, "sizeClass", Subject.SizeClass.class, false, problems);
        List<String> categories = new ArrayList<>();
        for (String c : items(in.get("categories"))) {
            String upper = c.toUpperCase(Locale.ROOT);
            if (TOKEN.matcher(upper).matches()) {
                categories.add(upper);
            } else {
                problems.add("categories: '" + c + "' is not a category code such as LOCAL_PRODUCT");
            }
        }
        List<Subject.Shop> shops = new ArrayList<>();
        for (JsonNode shop : objects(in, "shops", problems)) {
            Platform platform = enumValue((ObjectNode) shop, "platform", Platform.class, true, problems);
            String shopId = text((ObjectNode) shop, "shopId", true, problems);
            if (platform != null && shopId != null) {
                shops.add(new Subject.Shop(platform, shopId));
            }
        }
        List<Subject.Site> sites = new ArrayList<>();
        for (JsonNode site : objects(in, "sites", problems)) {
            Carrier carrier = enumValue((ObjectNode) site, "carrier", Carrier.class, true, problems);
            String code = text((ObjectNode) site, "siteCode", true, problems);
            String siteRegion = text((ObjectNode) site, "region", false, problems);
            if (siteRegion != null && !RegionCode.isValid(siteRegion)) {
                problems.add("sites: region '" + siteRegion + "' is not a division code");
            }
            if (carrier != null && code != null) {
                sites.add(new Subject.Site(carrier, code, siteRegion));
            }
        }
        List<Carrier> carriers = new ArrayList<>();
        for (String c : items(in.get("carriers"))) {
            try {
                carriers.add(Carrier.valueOf(c.toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                problems.add("carriers: unknown carrier '" + c + "' (expected one of " + Arrays.toString(Carrier.values()) + ")");
            }
        }
        java.util.Map<String, String> attributes = new java.util.TreeMap<>();
        JsonNode attrs = in.get("attributes");
        if (attrs != null && !attrs.isNull()) {
            if (!attrs.isObject()) {
                problems.add("attributes: must be an object of name → text");
            } else {
                attrs.fields().forEachRemaining(e -> {
                    if (e.getValue().isValueNode()) {
                        attributes.put(e.getKey(), e.getValue().asText());
                    } else {
                        problems.add("attributes." + e.getKey() + ": must be text");
                    }
                });
            }
        }
        if (!problems.isEmpty()) {
            return null;
        }
        return new Subject(type, id, name, region, registeredOn, tax, size, List.copyOf(categories),
                List.copyOf(shops), List.copyOf(sites), List.copyOf(carriers), attributes);
    }

    private static String text(ObjectNode in, String field, boolean required, List<String> problems) {
        JsonNode node = in.get(field);
        if (node == null || node.isNull() || node.isValueNode() && node.asText().isBlank()) {
            if (required) {
                problems.add(field + ": missing");
            }
            return null;
        }
        if (!node.isValueNode()) {
            problems.add(field + ": must be text");
            return null;
        }
        return node.asText().strip();
    }

    private static <E extends Enum<E>> E enumValue(ObjectNode in, String field, Class<E> type, boolean required,
                                                   List<String> problems) {
        String value = text(in, field, required, problems);
        if (value == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            problems.add(field + ": unknown value '" + value + "' (expected one of "
                    + Arrays.toString(type.getEnumConstants()) + ")");
            return null;
        }
    }

    private static Boolean bool(ObjectNode in, String field, List<String> problems) {
        JsonNode node = in.get(field);
        if (node == null || node.isNull() || node.isValueNode() && node.asText().isBlank()) {
            return null;
        }
        return switch (node.asText().strip().toLowerCase(Locale.ROOT)) {
            case "true", "1", "yes", "是" -> Boolean.TRUE;
            case "false", "0", "no", "否" -> Boolean.FALSE;
            default -> {
                problems.add(field + ": '" + node.asText() + "' is not true or false");
                yield null;
            }
        };
    }

    private static List<String> items(JsonNode node) {
        List<String> out = new ArrayList<>();
        if (node == null || node.isNull()) {
            return out;
        }
        if (node.isArray()) {
            node.forEach(n -> out.add(n.asText().strip()));
        } else {
            for (String s : node.asText().split("[;|]")) {
                if (!s.isBlank()) {
                    out.add(s.strip());
                }
            }
        }
        return out;
    }

    private static List<JsonNode> objects(ObjectNode in, String field, List<String> problems) {
        JsonNode node = in.get(field);
        List<JsonNode> out = new ArrayList<>();
        if (node == null || node.isNull()) {
            return out;
        }
        if (!node.isArray()) {
            problems.add(field + ": must be a list of objects");
            return out;
        }
        for (JsonNode item : node) {
            if (item instanceof ObjectNode) {
                out.add(item);
            } else {
                problems.add(field + ": items must be objects");
            }
        }
        return out;
    }
}
