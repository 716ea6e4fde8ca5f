package dev.subsidy.gateway.awards;

import dev.subsidy.policy.SizeClass;
import dev.subsidy.policy.Subject;
import dev.subsidy.policy.SubjectType;
import java.util.HashSet;
import java.util.List;

/** Registry subjects as the policy engine reads them: the same facts, in the engine's own types. */
final class EngineSubjects {

    private EngineSubjects() {}

    static List<Subject> of(List<dev.subsidy.gateway.registry.Subject> registry) {
        return registry.stream().map(EngineSubjects::of).toList();
    }

    static Subject of(dev.subsidy.gateway.registry.Subject s) {
        return new Subject(s.id(), SubjectType.valueOf(s.type().name()), s.name(), s.region(), s.registeredOn(),
                s.taxRegistered(), s.sizeClass() == null ? null : SizeClass.valueOf(s.sizeClass().name()),
                new HashSet<>(s.categories()), s.attributes());
    }
}
