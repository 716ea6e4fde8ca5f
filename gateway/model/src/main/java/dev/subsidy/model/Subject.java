package dev.subsidy.model;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A registered subject as administrators keep it (docs/registry.md). Facts no feed
 * carries (registration date, tax status, size class, categories) live here; {@code attributes}
 * holds further facts some policies ask for (a graduate founder, a poor household, a park), by name.
 *
 * <p>A null {@code region}, {@code registeredOn}, {@code taxRegistered} or {@code sizeClass} means the
 * registry does not know it; a rule whose eligibility depends on it is then reported as not computable
 * rather than refused. An attribute a rule tests that is absent is unknown too ("not computable, because
 * &lt;attribute&gt; is not in the registry"); {@code poorHousehold=false} states the fact does not hold.
 * Lists of recorded events ({@code misconductYears}, {@code fundedElsewhere}) and member links
 * ({@code park}, {@code trainedBy}) may be absent: nothing recorded, no link. Every attribute the
 * policies read is listed in docs/registry.md.
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

    /** A subject with the facts a policy reads and no shops, sites or carriers. */
    public Subject(String id, SubjectType type, String name, String region, LocalDate registeredOn,
                   Boolean taxRegistered, SizeClass sizeClass, Set<String> categories, Map<String, String> attributes) {
        this(type, id, name, region, registeredOn, taxRegistered, sizeClass,
                categories == null ? null : categories.stream().sorted().toList(), null, null, null, attributes);
    }

    public Subject {
        categories = categories == null ? List.of() : List.copyOf(categories);
        shops = shops == null ? List.of() : List.copyOf(shops);
        sites = sites == null ? List.of() : List.copyOf(sites);
        carriers = carriers == null ? List.of() : List.copyOf(carriers);
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
    }

    /** A shop on a marketplace (网店). */
    public record Shop(Platform platform, String shopId) {}

    /** An express site (网点) of a carrier, with the division code where it stands. */
    public record Site(Carrier carrier, String siteCode, String region) {}

    /** The name to show: the registry name, or the id when the registry has none. */
    public String displayName() {
        return name == null ? id : name;
    }

    /** The brands this subject operates: its carriers list and the carriers of its sites. */
    public java.util.Set<Carrier> operatedCarriers() {
        java.util.Set<Carrier> all = java.util.EnumSet.noneOf(Carrier.class);
        all.addAll(carriers);
        sites.forEach(s -> all.add(s.carrier()));
        return all;
    }
}
