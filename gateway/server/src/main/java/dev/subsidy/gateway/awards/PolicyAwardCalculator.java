package dev.subsidy.gateway.awards;

import dev.subsidy.gateway.figures.PublishedFigure;
import dev.subsidy.gateway.period.Period;
import dev.subsidy.gateway.registry.RegistryStore;
import dev.subsidy.policy.Evaluation;
import dev.subsidy.policy.Figure;
import dev.subsidy.policy.Metric;
import dev.subsidy.policy.Policy;
import dev.subsidy.policy.PolicyEngine;
import dev.subsidy.policy.PriorAward;
import dev.subsidy.policy.SizeClass;
import dev.subsidy.policy.Subject;
import dev.subsidy.policy.SubjectType;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Evaluates the configured policies on a closed period's figures with the policy engine. */
final class PolicyAwardCalculator implements AwardCalculator {

    private static final Set<String> POLICY_METRICS = new HashSet<>(Arrays.stream(Metric.values()).map(Enum::name).toList());

    private final List<Policy> policies;
    private final PolicyEngine engine;
    private final RegistryStore registry;
    private final PriorAwardStore priorAwards;

    PolicyAwardCalculator(List<Policy> policies, PolicyEngine engine, RegistryStore registry, PriorAwardStore priorAwards) {
        this.policies = List.copyOf(policies);
        this.engine = engine;
        this.registry = registry;
        this.priorAwards = priorAwards;
    }

    @Override
    public Awards awards(Period period, List<PublishedFigure> published) {
        List<Figure> figures = published.stream()
                .filter(p -> POLICY_METRICS.contains(p.figure().metric().name()))
                .map(p -> new Figure(p.figure().figureId(), p.figure().subjectId(), Metric.valueOf(p.figure().metric().name()),
                        p.figure().period(), new BigDecimal(p.figure().value()), p.revision()))
                .toList();
        List<Subject> subjects = registry.all().stream().map(PolicyAwardCalculator::subject).toList();
        List<PriorAward> prior = priorAwards.before(period);
        List<AwardLine> lines = new ArrayList<>();
        List<String> notComputable = new ArrayList<>();
        List<PriorAward> remembered = new ArrayList<>();
        for (Policy policy : policies) {
            Evaluation evaluation = engine.evaluate(policy, period.toString(), figures, subjects, prior);
            evaluation.lines().forEach(l -> lines.add(line(l)));
            evaluation.notComputable().forEach(n -> notComputable.add(n.ruleId()
                    + (n.subjectId() == null ? "" : " " + n.subjectId()) + ": " + n.reason()));
            remembered.addAll(evaluation.toRemember());
        }
        priorAwards.replace(period, remembered);
        return new Awards(lines, notComputable);
    }

    private static AwardLine line(dev.subsidy.policy.AwardLine l) {
        return new AwardLine(l.awardId(), l.ruleId(), l.clause(),
                new AwardLine.Subject(l.subject().type().name(), l.subject().id(), l.subject().name()), l.period(),
                l.amount().setScale(2).toPlainString(), l.currency(), 0,
                l.basis().stream().map(b -> new AwardLine.Basis(b.figureId(), b.metric().name(),
                        b.value().toPlainString(), b.revision())).toList(),
                l.explanation(), l.reading());
    }

    private static Subject subject(dev.subsidy.gateway.registry.Subject s) {
        return new Subject(s.id(), SubjectType.valueOf(s.type().name()), s.name(), s.region(), s.registeredOn(),
                s.taxRegistered(), s.sizeClass() == null ? null : SizeClass.valueOf(s.sizeClass().name()),
                new HashSet<>(s.categories()), s.attributes());
    }
}
