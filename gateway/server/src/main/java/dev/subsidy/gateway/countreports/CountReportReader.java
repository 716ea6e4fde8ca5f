package dev.subsidy.gateway.countreports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.subsidy.gateway.figures.FigureValue;
import dev.subsidy.model.Metric;
import dev.subsidy.model.Period;
import dev.subsidy.model.Subject;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Checks one count report against the registry and the measured metrics, collecting every problem: a
 * site or shop must be one the registry gives the subject, so a report can only be set beside records
 * the gateway attributes to that subject.
 */
final class CountReportReader {

    static final Set<String> FIELDS = Set.of("subject", "site", "shop", "period", "metric", "value", "source");
    static final int MAX_SOURCE = 200;
    /** Values are stored as VARCHAR(32); no county's count sheet comes near this. */
    private static final String MEASURED = String.join(", ", Metric.measured().stream().map(Enum::name).toList());

    private final Function<String, Optional<Subject>> registry;

    CountReportReader(Function<String, Optional<Subject>> registry) {
        this.registry = registry;
    }

    /** The report, or null with the problems filled in. */
    CountReport read(ObjectNode in, List<String> problems) {
        int before = problems.size();
        for (Iterator<String> names = in.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                problems.add("unknown field '" + name + "' (a report has " + String.join(", ", FIELDS.stream().sorted().toList()) + ")");
            }
        }
        Subject subject = subject(text(in, "subject", true, problems), problems);
        String site = text(in, "site", false, problems);
        String shop = text(in, "shop", false, problems);
        CountReport.Scope scope = scope(subject, site, shop, problems);
        String period = period(text(in, "period", true, problems), problems);
        Metric metric = metric(text(in, "metric", true, problems), problems);
        BigDecimal value = FigureValue.read(in.get("value"), metric, "a decimal such as \"12000\" or \"2500000.00\"", problems);
        String source = text(in, "source", true, problems);
        if (source != null && source.length() > MAX_SOURCE) {
            problems.add("source: longer than " + MAX_SOURCE + " characters");
        }
        if (subject != null && metric != null && !metric.appliesTo(subject.type())) {
            problems.add("metric: " + metric + " is not measured for " + subject.type() + " subjects");
        }
        if (problems.size() > before) {
            return null;
        }
        return new CountReport(subject.id(), scope, period, metric, value, source);
    }

    private static String text(JsonNode in, String field, boolean required, List<String> problems) {
        JsonNode v = in.get(field);
        if (v == null || v.isNull() || v.isTextual() && v.asText().isBlank()) {
            if (required) {
                problems.add(field + ": missing");
            }
            return null;
        }
        if (!v.isTextual()) {
            problems.add(field + ": must be a string");
            return null;
        }
        return v.asText().strip();
    }

    private Subject subject(String id, List<String> problems) {
        if (id == null) {
            return null;
        }
        Optional<Subject> found = registry.apply(id);
        if (found.isEmpty()) {
            problems.add("subject: '" + id + "' is not in the registry");
        }
        return found.orElse(null);
    }

    private static CountReport.Scope scope(Subject subject, String site, String shop, List<String> problems) {
        if (site != null && shop != null) {
            problems.add("site and shop: a report covers the whole subject, one site or one shop, not both");
            return null;
        }
        if (site != null) {
            String[] parts = site.split(":", 2);
            if (parts.length != 2 || parts[1].isBlank()) {
                problems.add("site: '" + site + "' is not CARRIER:siteCode (ZTO:CJ-ZTO-01)");
                return null;
            }
            if (subject == null) {
                return null;
            }
            Optional<Subject.Site> registered = subject.sites().stream()
                    .filter(s -> s.carrier().name().equalsIgnoreCase(parts[0].strip())
                            && s.siteCode().equalsIgnoreCase(parts[1].strip()))
                    .findFirst();
            if (registered.isEmpty()) {
                problems.add("site: '" + site + "' is not a site of " + subject.id() + " in the registry (its sites: "
                        + String.join(", ", subject.sites().stream().map(s -> s.carrier() + ":" + s.siteCode()).toList()) + ")");
                return null;
            }
            return new CountReport.Scope(CountReport.Scope.Kind.SITE,
                    registered.get().carrier().name() + ":" + registered.get().siteCode());
        }
        if (shop != null) {
            String[] parts = shop.split(":", 2);
            if (parts.length != 2 || parts[1].isBlank()) {
                problems.add("shop: '" + shop + "' is not PLATFORM:shopId (TAOBAO:tea-001)");
                return null;
            }
            if (subject == null) {
                return null;
            }
            Optional<Subject.Shop> registered = subject.shops().stream()
                    .filter(s -> s.platform().name().equals(parts[0].strip().toUpperCase(Locale.ROOT))
                            && s.shopId().equals(parts[1].strip()))
                    .findFirst();
            if (registered.isEmpty()) {
                problems.add("shop: '" + shop + "' is not a shop of " + subject.id() + " in the registry (its shops: "
                        + String.join(", ", subject.shops().stream().map(s -> s.platform() + ":" + s.shopId()).toList()) + ")");
                return null;
            }
            return new CountReport.Scope(CountReport.Scope.Kind.SHOP,
                    registered.get().platform().name() + ":" + registered.get().shopId());
        }
        return CountReport.Scope.whole();
    }

    private static String period(String text, List<String> problems) {
        if (text == null) {
            return null;
        }
        try {
            return Period.parse(text).toString();
        } catch (IllegalArgumentException e) {
            problems.add("period: " + e.getMessage());
            return null;
        }
    }

    private static Metric metric(String name, List<String> problems) {
        if (name == null) {
            return null;
        }
        Optional<Metric> found = Metric.measured().stream().filter(m -> m.name().equals(name)).findFirst();
        if (found.isEmpty()) {
            problems.add("metric: '" + name + "' is not a measured metric (one of " + MEASURED + ")");
        }
        return found.orElse(null);
    }


    static List<String> problems() {
        return new ArrayList<>();
    }
}
