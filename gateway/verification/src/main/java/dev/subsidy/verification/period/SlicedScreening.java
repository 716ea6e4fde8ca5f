package dev.subsidy.verification.period;

import dev.subsidy.model.Period;
import dev.subsidy.model.Shipment;
import dev.subsidy.verification.ByOrderKey;
import dev.subsidy.verification.ByWaybill;
import dev.subsidy.verification.Jurisdiction;
import dev.subsidy.verification.OrderVerdict;
import dev.subsidy.verification.ParcelLinks;
import dev.subsidy.verification.RecordSource;
import dev.subsidy.verification.RegistrySnapshot;
import dev.subsidy.verification.ReviewBook;
import dev.subsidy.verification.SecondCore;
import dev.subsidy.verification.ShipmentVerdict;
import dev.subsidy.verification.StoredOrder;
import dev.subsidy.verification.TrustLevel;
import dev.subsidy.verification.Verifier;
import dev.subsidy.verification.fraud.FraudScreen;
import dev.subsidy.verification.fraud.PeriodFacts;
import dev.subsidy.verification.fraud.ShipmentCensus;
import dev.subsidy.verification.fraud.Thresholds;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * {@link PeriodScreening} for a period whose parcels the heap cannot hold at once: the same verdicts, the parcels read
 * twice a slice at a time. No rule weighs a parcel against another parcel except through an order both carry or a
 * waybill core both share (docs/verification.md "The rules"); the rest of the period bears on it only as counts, the
 * {@link ShipmentCensus} the first read makes. So the orders are held, and the second read screens each slice of
 * parcels that no order carries and that share no core with another by itself, against the census, and hands it on;
 * the parcels an order carries or another parcel may duplicate are held and screened with the orders at the end. Pure,
 * as {@link PeriodScreening} is.
 */
public final class SlicedScreening {

    /** Links of parcels that no order carries. */
    private static final ParcelLinks NONE_LINKED = ParcelLinks.of(new IdentityHashMap<>());

    private final Jurisdiction jurisdiction;
    private final RegistrySnapshot registry;
    private final Thresholds thresholds;
    private final Function<String, TrustLevel> trust;
    private final SecondCore cores;

    /** @param cores the thread the screening shares its verifying and its rules with */
    public SlicedScreening(Jurisdiction jurisdiction, RegistrySnapshot registry, Thresholds thresholds,
                           Function<String, TrustLevel> trust, SecondCore cores) {
        this.jurisdiction = jurisdiction;
        this.registry = registry;
        this.thresholds = thresholds;
        this.trust = trust;
        this.cores = cores;
    }

    /** Told each slice of screened parcels, reviewers' decisions applied: a slice is not looked at again. */
    @FunctionalInterface
    public interface Slices {
        /** @param links the orders each parcel carries: none, for the parcels of a slice */
        void screened(List<ShipmentVerdict> parcels, ParcelLinks links);
    }

    /**
     * The end of the screening: the parcels held to the end (those orders carry and those that may be one parcel
     * twice), their links to the orders, and every order loaded for the period; each with the reviewers' decisions.
     */
    public record Held(List<ShipmentVerdict> parcels, ParcelLinks links, Map<String, OrderVerdict> orders) {

        /** The orders paid in the period: the ones whose status this period decides. */
        public List<OrderVerdict> ordersPaidIn(Period period) {
            return new dev.subsidy.verification.PeriodVerdicts(period, List.of(), orders).ordersPaidInPeriod();
        }
    }

    /**
     * Screens the period: each slice of parcels that nothing else bears on to {@code slices} as it is screened, then
     * the rest.
     */
    public Held screen(Period period, RecordSource records, ReviewBook reviews, Slices slices,
                       PeriodScreening.Steps steps) {
        steps.step("reading the versions records disagree on");
        var shipmentHistory = records.shipmentHistory(period);
        var orderHistory = records.orderHistory(period);
        RecordSource trusted = new TrustedFacts(records, trust, shipmentHistory, orderHistory);
        Verifier verifier = new Verifier(jurisdiction, registry);

        steps.step("reading and verifying the period's orders");
        Map<String, StoredOrder> stored = trusted.orders(period);
        Map<String, OrderVerdict> orders = ByOrderKey.of(stored, cores.map(List.copyOf(stored.values()), verifier::verify),
                v -> v.stored().record());
        ByWaybill<Boolean> named = new ByWaybill<>();
        orders.values().forEach(o -> o.stored().record().waybills().forEach(w -> named.computeIfAbsent(w, k -> true)));

        steps.step("counting the period's parcels");
        // counted in any order, on every thread the source reads with: the census is a sum and a sorted set
        List<ShipmentCensus.Counter> counters = java.util.Collections.synchronizedList(new ArrayList<>());
        trusted.eachCensusSlice(period, () -> {
            ShipmentCensus.Counter counter = new ShipmentCensus.Counter();
            counters.add(counter);
            return slice -> slice.forEach(s -> counter.add(s.record()));
        });
        ShipmentCensus census = ShipmentCensus.Counter.census(counters);

        var traceChecks = records.traceChecks(period);
        Decisions decisions = new Decisions(reviews, records);
        List<ShipmentVerdict> held = new ArrayList<>();
        long[] alone = {0};
        // the number the census counted: a close of millions of parcels shows how far through them it is
        steps.step(String.format(Locale.ROOT, "screening the period's %,d parcels a slice at a time", census.parcels()),
                census.parcels());
        trusted.eachShipmentSlice(period, slice -> {
            List<ShipmentVerdict> free = new ArrayList<>(slice.size());
            for (ShipmentVerdict v : cores.map(slice, verifier::verify)) {
                Shipment r = v.stored().record();
                boolean carried = named.get(r) != null || r.orderRef() != null && orders.get(r.orderRef()) != null;
                (carried || census.sharesCore(r) ? held : free).add(v);
            }
            if (!free.isEmpty()) {
                PeriodFacts facts = new PeriodFacts(period, jurisdiction, registry, free, Map.of(), shipmentHistory,
                        orderHistory, traceChecks, Map.of(), trust).withCensus(census);
                slices.screened(decisions.onShipments(new FraudScreen(thresholds, cores).screen(facts).shipments()),
                        NONE_LINKED);
                alone[0] += free.size();
            }
        });

        steps.step(String.format(Locale.ROOT, "screening %,d orders with the %,d parcels they or other parcels bear on "
                + "(%,d parcels screened slice by slice)", orders.size(), held.size(), alone[0]));
        // in key order, as the period's read gives them: which of two groups marks a parcel first is the first's
        held.sort(Comparator.comparing(ShipmentVerdict::key));
        var dailyOrders = records.dailyOrdersAhead(period, baselineFrom(period),
                period.end().atOffset(Period.CHINA).toLocalDate(),
                orders.values().stream().map(o -> o.stored().record()).toList());
        PeriodFacts facts = new PeriodFacts(period, jurisdiction, registry, held, orders, shipmentHistory, orderHistory,
                traceChecks, dailyOrders, trust).withCensus(census);
        FraudScreen.Screened screened = new FraudScreen(thresholds, cores).screen(facts);
        steps.step("applying reviewers' decisions");
        return new Held(decisions.onShipments(screened.shipments()), facts.parcelLinks(),
                decisions.onOrders(screened.orders()));
    }

    private LocalDate baselineFrom(Period period) {
        return period.start().atOffset(Period.CHINA).toLocalDate().minusDays(thresholds.spikeBaselineDays());
    }

}
