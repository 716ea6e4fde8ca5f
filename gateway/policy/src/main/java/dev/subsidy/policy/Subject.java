package dev.subsidy.policy;

import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A subject as the registry that administrators keep knows it: the facts no feed carries.
 *
 * <p>A null {@code region}, {@code registeredOn}, {@code taxRegistered} or {@code sizeClass} means the
 * registry does not know it; a rule whose eligibility depends on it is then reported as not computable
 * rather than refused. {@code attributes} carries the remaining facts a policy may test, as strings
 * (for example {@code graduationYear=2016}, {@code poorHousehold=true}, {@code park=<operator id>}).
 * An attribute a rule tests with {@code equals} (or {@code graduationYear}) that is absent is unknown too,
 * so the rule is reported as not computable; {@code poorHousehold=false} states the fact does not hold.
 * Lists of recorded events ({@code misconductYears}, {@code fundedElsewhere}) and member links
 * ({@code park}, {@code trainedBy}) may be absent: nothing recorded, no link. Every name the policies read
 * is listed in docs/registry.md.
 *
 * @param id            unified social credit code, region code (towns) or administrator-given id
 * @param type          the kind of subject
 * @param name          display name
 * @param region        GB/T 2260 (or statistics bureau) code where it is registered
 * @param registeredOn  date of business registration (工商登记)
 * @param taxRegistered whether it is registered for tax in the jurisdiction (依法纳税)
 * @param sizeClass     above or below the statistical size threshold
 * @param categories    registry categories: LOCAL_PRODUCT, AGRICULTURAL, BAKERY, CROSS_BORDER …
 * @param attributes    further facts, by name
 */
public record Subject(
        String id,
        SubjectType type,
        String name,
        String region,
        LocalDate registeredOn,
        Boolean taxRegistered,
        SizeClass sizeClass,
        Set<String> categories,
        Map<String, String> attributes) {

    public Subject {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        categories = categories == null ? Set.of() : Set.copyOf(categories);
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
    }

    /** The name to show: the registry name, or the id when the registry has none. */
    public String displayName() {
        return name == null ? id : name;
    }
}
