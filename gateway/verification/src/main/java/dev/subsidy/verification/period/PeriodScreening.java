package dev.subsidy.verification.period;

import dev.subsidy.model.Period;
import dev.subsidy.verification.Jurisdiction;
import dev.subsidy.verification.PeriodVerdicts;
import dev.subsidy.verification.RecordSource;
import dev.subsidy.verification.RegistrySnapshot;
import dev.subsidy.verification.ReviewBook;
import dev.subsidy.verification.SecondCore;
import dev.subsidy.verification.TrustLevel;
import dev.subsidy.verification.Verifier;
import dev.subsidy.verification.fraud.FraudScreen;
import dev.subsidy.verification.fraud.PeriodFacts;
import dev.subsidy.verification.fraud.Thresholds;
import java.util.function.Function;

/**
 * A period's whole verification (核验): eligibility and attribution per record ({@link Verifier}), the
 * fraud rules over the period ({@link FraudScreen}), then the reviewers' decisions that hold. Pure:
 * the same records, registry, history and decisions give the same verdicts.
 */
public final class PeriodScreening {

    private final Jurisdiction jurisdiction;
    private final RegistrySnapshot registry;
    private final Thresholds thresholds;
    private final Function<String, TrustLevel> trust;
    private final SecondCore cores;

    public PeriodScreening(Jurisdiction jurisdiction, RegistrySnapshot registry, Thresholds thresholds,
                           Function<String, TrustLevel> trust) {
        this(jurisdiction, registry, thresholds, trust, SecondCore.NONE);
    }

    /** @param cores the thread the screening shares its verifying and its rules with */
    public PeriodScreening(Jurisdiction jurisdiction, RegistrySnapshot registry, Thresholds thresholds,
                           Function<String, TrustLevel> trust, SecondCore cores) {
        this.jurisdiction = jurisdiction;
        this.registry = registry;
        this.thresholds = thresholds;
        this.trust = trust;
        this.cores = cores;
    }

    private java.time.LocalDate baselineFrom(Period period) {
        return period.start().atOffset(Period.CHINA).toLocalDate().minusDays(thresholds.spikeBaselineDays());
    }

    /**
     * Told as the screening moves from one step to the next, each named with the records it covers once
     * they are known: a close of millions of records shows where it is (docs/operations.md "Logs").
     */
    @FunctionalInterface
    public interface Steps {
        Steps NONE = name -> {};

        void step(String name);

        /** A step of {@code units} things to go through, counted as they are (a close's parcels, a slice at a time). */
        default void step(String name, long units) {
            step(name);
        }
    }

    public PeriodVerdicts screen(Period period, RecordSource records, ReviewBook reviews) {
        return screen(period, records, reviews, Steps.NONE);
    }

    public PeriodVerdicts screen(Period period, RecordSource records, ReviewBook reviews, Steps steps) {
        steps.step("reading the versions records disagree on");
        var shipmentHistory = records.shipmentHistory(period);
        var orderHistory = records.orderHistory(period);
        RecordSource trusted = new TrustedFacts(records, trust, shipmentHistory, orderHistory);
        steps.step("reading and verifying the period's records");
        PeriodVerdicts base = new Verifier(jurisdiction, registry).verify(period, trusted, cores);
        steps.step(String.format(java.util.Locale.ROOT, "screening %,d records for fraud signals", base.shipments().size() + base.orders().size()));
        // asked first: the database aggregates while the trace checks are read and the facts are put together
        var dailyOrders = records.dailyOrdersAhead(period, baselineFrom(period),
                period.end().atOffset(Period.CHINA).toLocalDate(),
                base.orders().values().stream().map(o -> o.stored().record()).toList());
        PeriodFacts facts = new PeriodFacts(period, jurisdiction, registry, base.shipments(), base.orders(),
                shipmentHistory, orderHistory, records.traceChecks(period), dailyOrders, trust);
        FraudScreen.Screened screened = new FraudScreen(thresholds, cores).screen(facts);
        steps.step("applying reviewers' decisions");
        Decisions decisions = new Decisions(reviews, records);
        return new PeriodVerdicts(period, decisions.onShipments(screened.shipments()), decisions.onOrders(screened.orders()),
                facts.parcelLinks());
    }
}
