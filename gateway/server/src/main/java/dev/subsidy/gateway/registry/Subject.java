package dev.subsidy.gateway.registry;

import dev.subsidy.gateway.records.Carrier;
import dev.subsidy.gateway.records.Platform;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A registered subject as administrators keep it (docs/registry.md). Facts no feed
 * carries (registration date, tax status, size class, categories) live here; {@code attributes}
 * holds further facts some policies ask for (a graduate founder, a poor household, a park), by name.
 */
public record Subject(
        SubjectType type,
        String id,
        String name,
        String region,
        LocalDate registeredOn,
        Boolean taxRegistered,
        SizeClass sizeClass,
        List<String> categories,
        List<Shop> shops,
        List<Site> sites,
        List<Carrier> carriers,
        Map<String, String> attributes) {

    public Subject {
        categories = categories == null ? List.of() : List.copyOf(categories);
        shops = shops == null ? List.of() : List.copyOf(shops);
        sites = sites == null ? List.of() : List.copyOf(sites);
        carriers = carriers == null ? List.of() : List.copyOf(carriers);
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
    }

    /** Above or below the statistical size threshold (限上 / 非限上). */
    public enum SizeClass { ABOVE, BELOW }

    /** A shop on a marketplace (网店). */
    public record Shop(Platform platform, String shopId) {}

    /** An express site (网点) of a carrier, with the division code where it stands. */
    public record Site(Carrier carrier, String siteCode, String region) {}

    /** The brands this subject operates: its carriers list and the carriers of its sites. */
    public java.util.Set<Carrier> operatedCarriers() {
        java.util.Set<Carrier> all = java.util.EnumSet.noneOf(Carrier.class);
        all.addAll(carriers);
        sites.forEach(s -> all.add(s.carrier()));
        return all;
    }
}
