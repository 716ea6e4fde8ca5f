package dev.subsidy.gateway.awards;

import dev.subsidy.figures.FigureBook;
import dev.subsidy.figures.PublishedFigure;
import dev.subsidy.gateway.storage.registry.RegistryStore;
import dev.subsidy.model.Figure;
import dev.subsidy.model.Granularity;
import dev.subsidy.model.Period;
import dev.subsidy.model.PriorAward;
import dev.subsidy.model.Subject;
import dev.subsidy.policy.Evaluation;
import dev.subsidy.policy.Policy;
import dev.subsidy.policy.PolicyEngine;
import dev.subsidy.policy.Rule;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Evaluates the configured policies on a closed period's figures with the policy engine: the figures
 * the close published, the months' figures as last published (for rules that ask for consecutive
 * months), and the figures administrators entered, each with who entered it. Lines the revised
 * figures no longer earn are withdrawn (see {@link Withdrawals}).
 */
final class PolicyAwardCalculator implements AwardCalculator {

    private final List<Policy> policies;
    private final PolicyEngine engine;
    private final RegistryStore registry;
    private final FigureBook figureStore;
    private final EnteredFigureStore entered;
    private final PriorAwardStore priorAwards;
    private final AwardStore awardStore;
    private final Set<String> ruleIds;

    PolicyAwardCalculator(List<Policy> policies, PolicyEngine engine, RegistryStore registry, FigureBook figureStore,
                          EnteredFigureStore entered, PriorAwardStore priorAwards, AwardStore awardStore) {
        this.policies = List.copyOf(policies);
        this.ruleIds = policies.stream().flatMap(p -> p.rules().stream()).map(Rule::id).collect(Collectors.toSet());
        this.awardStore = awardStore;
        this.engine = engine;
        this.registry = registry;
        this.figureStore = figureStore;
        this.entered = entered;
        this.priorAwards = priorAwards;
    }

    @Override
    public Awards awards(Period period, List<PublishedFigure> published) {
        List<Figure> figures = Stream.of(engineFigures(published), engineFigures(monthsOf(period)), entered.within(period))
                .flatMap(List::stream).toList();
        List<Subject> subjects = registry.all();
        List<PriorAward> prior = priorAwards.before(period);
        List<PublishedAwardLine> lines = new ArrayList<>();
        List<String> notComputable = new ArrayList<>();
        List<PriorAward> remembered = new ArrayList<>();
        for (Policy policy : policies) {
            Evaluation evaluation = engine.evaluate(policy, period.toString(), figures, subjects, prior);
            evaluation.lines().forEach(l -> lines.add(WireLines.line(l)));
            evaluation.notComputable().forEach(n -> notComputable.add(WireLines.text(n)));
            remembered.addAll(evaluation.toRemember());
        }
        priorAwards.replace(period, remembered);
        return new Awards(Withdrawals.complete(lines, awardStore.find(period.toString(), null, null), ruleIds),
                notComputable);
    }

    /** A year's or quarter's months; a month has none below it. */
    private List<PublishedFigure> monthsOf(Period period) {
        if (period.granularity() == Granularity.MONTH) {
            return List.of();
        }
        List<PublishedFigure> months = new ArrayList<>();
        int first = period.granularity() == Granularity.YEAR ? 1 : (period.index() - 1) * 3 + 1;
        int last = period.granularity() == Granularity.YEAR ? 12 : first + 2;
        for (int m = first; m <= last; m++) {
            months.addAll(figureStore.find(new Period(Granularity.MONTH, period.year(), m).toString(), null, null));
        }
        return months;
    }

    private static List<Figure> engineFigures(List<PublishedFigure> published) {
        return published.stream()
                .map(p -> new Figure(p.figure().figureId(), p.figure().subjectId(), p.figure().metric(),
                        p.figure().period(), new BigDecimal(p.figure().value()), p.revision()))
                .toList();
    }
}
