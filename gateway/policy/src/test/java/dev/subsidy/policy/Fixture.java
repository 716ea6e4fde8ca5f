package dev.subsidy.policy;

import dev.subsidy.model.Figure;
import dev.subsidy.model.Metric;
import dev.subsidy.model.PriorAward;
import dev.subsidy.model.SizeClass;
import dev.subsidy.model.Subject;
import dev.subsidy.model.SubjectType;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Registry subjects, figures and prior awards for a test, built in a few words. */
final class Fixture {

    private static final PolicyEngine ENGINE = new PolicyEngine();

    final List<Subject> subjects = new ArrayList<>();
    final List<Figure> figures = new ArrayList<>();
    final List<PriorAward> prior = new ArrayList<>();

    SubjectBuilder subject(SubjectType type, String id) {
        return new SubjectBuilder(this, type, id);
    }

    Fixture figure(String subjectId, Metric metric, String period, String value) {
        figures.add(new Figure(subjectId + ":" + metric + ":" + period, subjectId, metric, period, new BigDecimal(value), 1));
        return this;
    }

    /** An administrator-entered figure. */
    Fixture entered(String subjectId, Metric metric, String period, String value) {
        figures.add(new Figure(subjectId + ":" + metric + ":" + period, subjectId, metric, period, new BigDecimal(value), 1,
                "admin@test", Instant.parse("2027-01-15T02:00:00Z")));
        return this;
    }

    Fixture remember(Evaluation evaluation) {
        prior.addAll(evaluation.toRemember());
        return this;
    }

    Evaluation evaluate(Policy policy, String period) {
        return ENGINE.evaluate(policy, period, figures, subjects, prior);
    }

    static final class SubjectBuilder {
        private final Fixture fixture;
        private final SubjectType type;
        private final String id;
        private String name;
        private String region;
        private LocalDate registeredOn = LocalDate.of(2010, 1, 1);
        private Boolean taxRegistered = Boolean.TRUE;
        private SizeClass sizeClass = SizeClass.BELOW;
        private final Set<String> categories = new HashSet<>();
        private final Map<String, String> attributes = new HashMap<>();

        SubjectBuilder(Fixture fixture, SubjectType type, String id) {
            this.fixture = fixture;
            this.type = type;
            this.id = id;
            this.name = "name of " + id;
        }

        SubjectBuilder name(String name) {
            this.name = name;
            return this;
        }

        SubjectBuilder region(String region) {
            this.region = region;
            return this;
        }

        SubjectBuilder registeredOn(String date) {
            this.registeredOn = date == null ? null : LocalDate.parse(date);
            return this;
        }

        SubjectBuilder tax(Boolean taxRegistered) {
            this.taxRegistered = taxRegistered;
            return this;
        }

        SubjectBuilder size(SizeClass sizeClass) {
            this.sizeClass = sizeClass;
            return this;
        }

        SubjectBuilder category(String category) {
            categories.add(category);
            return this;
        }

        SubjectBuilder attr(String key, String value) {
            attributes.put(key, value);
            return this;
        }

        Fixture add() {
            fixture.subjects.add(new Subject(id, type, name, region, registeredOn, taxRegistered, sizeClass, categories, attributes));
            return fixture;
        }
    }
}
