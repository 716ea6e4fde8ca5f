package dev.subsidy.gateway.tracecheck;

import com.fasterxml.jackson.databind.JsonNode;
import dev.subsidy.gateway.storage.tracecheck.TraceCheckStore.Parcel;
import dev.subsidy.model.Carrier;
import dev.subsidy.model.RegionCode;
import dev.subsidy.verification.Jurisdiction;
import dev.subsidy.verification.RegistrySnapshot;
import dev.subsidy.verification.TraceCheck.Outcome;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Sets the carrier's trace, mapped to a standard shipment, beside the feed's record of the parcel
 * (docs/verification.md "Trace verification"): the trace contradicts the feed when it has no collection
 * scan, when its collection is further from the feed's than the tolerance, or when it places the
 * collection outside the jurisdiction while the feed places it inside. A place the carrier names only
 * by a site the registry does not know, or by a region that contains the jurisdiction (a prefecture's
 * code), is not held against the feed. Stateless.
 */
final class TraceComparison {

    /** The result, with what was compared in a reviewer's words. */
    record Verdict(Outcome outcome, String detail) {}

    private static final DateTimeFormatter CHINA = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.ofHours(8));

    private final Jurisdiction jurisdiction;
    private final RegistrySnapshot registry;
    private final Duration tolerance;

    TraceComparison(Jurisdiction jurisdiction, RegistrySnapshot registry, Duration tolerance) {
        this.jurisdiction = jurisdiction;
        this.registry = registry;
        this.tolerance = tolerance;
    }

    /**
     * @param carrier the carrier's trace as a standard shipment (the definition's mapping applied)
     * @throws IllegalArgumentException when the mapped shipment's collectedAt is not a time
     */
    Verdict compare(Parcel feed, JsonNode carrier) {
        String collected = text(carrier, "collectedAt");
        if (collected == null) {
            return noCollection("");
        }
        Instant carrierCollected = instant(collected);
        List<String> contradictions = new ArrayList<>();
        Duration apart = Duration.between(feed.collectedAt(), carrierCollected).abs();
        if (apart.compareTo(tolerance) > 0) {
            contradictions.add("the carrier collected it at " + CHINA.format(carrierCollected) + " (China time), the feed says "
                    + CHINA.format(feed.collectedAt()) + ": " + hours(apart) + " apart, more than " + hours(tolerance));
        }
        String feedOrigin = feed.originRegion() != null ? feed.originRegion() : registry.siteRegion(feed.carrier(), feed.originSite());
        Place carrierOrigin = carrierOrigin(feed.carrier(), carrier);
        if (jurisdiction.contains(feedOrigin) && carrierOrigin != null && elsewhere(carrierOrigin.region())) {
            contradictions.add("the carrier's collection scan is at " + carrierOrigin.words() + ", outside " + jurisdiction.name()
                    + "; the feed places the collection at " + feedOrigin + ", inside");
        }
        if (!contradictions.isEmpty()) {
            return new Verdict(Outcome.CONTRADICTS, String.join("; ", contradictions));
        }
        String place = carrierOrigin == null ? "; the carrier names no place the registry knows for its collection scan"
                : " at " + carrierOrigin.words();
        return new Verdict(Outcome.CONFIRMED, "collected " + CHINA.format(carrierCollected) + " (China time)" + place
                + ", as the feed says");
    }

    /** The verdict on a trace without a collection scan. */
    static Verdict noCollection(String why) {
        return new Verdict(Outcome.CONTRADICTS, "the carrier's trace has no collection scan" + (why.isEmpty() ? "" : ": " + why));
    }

    /** Where the carrier's trace places the collection, and how it named it. */
    private record Place(String region, String words) {}

    /** The mapped originRegion, else the registry's region of the mapped originSite, else the collection scan's region. */
    private Place carrierOrigin(Carrier carrierCode, JsonNode shipment) {
        String region = text(shipment, "originRegion");
        if (region != null) {
            return new Place(region, region);
        }
        String site = text(shipment, "originSite");
        String siteRegion = registry.siteRegion(carrierCode, site);
        if (siteRegion != null) {
            return new Place(siteRegion, "site " + site + " (" + siteRegion + ")");
        }
        for (JsonNode scan : shipment.path("scans")) {
            if ("COLLECT".equalsIgnoreCase(scan.path("type").asText()) && text(scan, "region") != null) {
                String scanRegion = text(scan, "region");
                return new Place(scanRegion, scanRegion + (site == null ? "" : " (site " + site + ")"));
            }
        }
        return null;
    }

    /** Outside the jurisdiction and not a coarser code that contains part of it. */
    private boolean elsewhere(String region) {
        if (!RegionCode.isValid(region) || jurisdiction.contains(region)) {
            return false;
        }
        return jurisdiction.regions().stream().noneMatch(inside -> RegionCode.covers(region, inside));
    }

    private static Instant instant(String text) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("the mapped collectedAt '" + text + "' is not a time with an offset", e);
        }
    }

    private static String hours(Duration d) {
        long minutes = d.toMinutes();
        return minutes % 60 == 0 ? minutes / 60 + " h" : minutes / 60 + " h " + minutes % 60 + " min";
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() || v.asText().isBlank() ? null : v.asText();
    }
}
