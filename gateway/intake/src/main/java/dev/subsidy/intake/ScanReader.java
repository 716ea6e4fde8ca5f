package dev.subsidy.intake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.subsidy.model.Scan;
import dev.subsidy.model.ScanType;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads a shipment's trace events, {@code scans} (docs/records.md "Trace events"): a JSON array of
 * {@code {"type", "at", "region", "facility"}}. Each bad scan is named by its place in the array
 * ({@code scans[3].at: missing}), so a feeder finds it. The scans come out in one order (by time, then
 * type) with exact repeats once: a carrier pushing the same events in another order, or one event
 * twice, sends the same facts and so the same content hash.
 */
final class ScanReader {

    /** A parcel's trace is tens of events; hundreds is a feed gone wrong, not a parcel. */
    static final int MAX_SCANS = 200;
    /** As a site id's column; a facility is often a name with spaces (从江县 营业部). */
    static final int MAX_FACILITY = 100;

    private static final Comparator<Scan> ORDER = Comparator.comparing(Scan::at).thenComparing(Scan::type)
            .thenComparing(Scan::region, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(Scan::facility, Comparator.nullsFirst(Comparator.naturalOrder()));

    private ScanReader() {}

    /** The scans, in their one order; empty when absent, and empty with problems named when any is bad. */
    static List<Scan> read(FieldReader in, String name) {
        JsonNode node = in.node(name);
        if (node == null) {
            return List.of();
        }
        if (!node.isArray()) {
            in.problem(name + ": must be a list (a JSON array) of scans {\"type\", \"at\", \"region\", \"facility\"}, got "
                    + FieldReader.describe(node));
            return List.of();
        }
        if (node.size() > MAX_SCANS) {
            in.problem(name + ": " + node.size() + " scans, more than the " + MAX_SCANS + " one shipment may carry");
            return List.of();
        }
        Set<Scan> scans = new LinkedHashSet<>();
        boolean refused = false;
        for (int i = 0; i < node.size(); i++) {
            JsonNode item = node.get(i);
            String place = name + "[" + i + "]";
            if (!item.isObject()) {
                in.problem(place + ": must be an object {\"type\", \"at\", \"region\", \"facility\"}, got "
                        + FieldReader.describe(item));
                refused = true;
                continue;
            }
            FieldReader scan = in.nested((ObjectNode) item);
            ScanType type = scan.enumValue("type", ScanType.class, true);
            Instant at = scan.instant("at", true);
            String region = scan.region("region", false);
            String facility = scan.identifier("facility", scan.text("facility", false), MAX_FACILITY, true);
            if (!scan.problems().isEmpty()) {
                scan.problems().forEach(problem -> in.problem(place + "." + problem));
                refused = true;
                continue;
            }
            scans.add(new Scan(type, at, region, facility));
        }
        return refused ? List.of() : scans.stream().sorted(ORDER).toList();
    }
}
