package dev.subsidy.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.subsidy.figures.FigureCalculator;
import dev.subsidy.figures.MeasuredFigure;
import dev.subsidy.model.Period;
import dev.subsidy.model.SalesOrder;
import dev.subsidy.model.Shipment;
import dev.subsidy.verification.Jurisdiction;
import dev.subsidy.verification.OrderVerdict;
import dev.subsidy.verification.PeriodVerdicts;
import dev.subsidy.verification.RecordSource;
import dev.subsidy.verification.RegistrySnapshot;
import dev.subsidy.verification.ReviewBook;
import dev.subsidy.verification.SecondCore;
import dev.subsidy.verification.ShipmentVerdict;
import dev.subsidy.verification.SourceVersion;
import dev.subsidy.verification.StoredOrder;
import dev.subsidy.verification.StoredShipment;
import dev.subsidy.verification.fraud.Thresholds;
import dev.subsidy.verification.period.PeriodScreening;
import dev.subsidy.verification.period.SlicedScreening;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A period screened a slice at a time gives the verdicts and the figures of the period screened whole: over labelled
 * months with every planted family, in small slices handed over in no order, record by record (findings in the same
 * order), and figure by figure (keys and digests included).
 */
class SlicedScreeningTest {

    private final ExecutorService helper = Executors.newSingleThreadExecutor();

    @AfterEach
    void stop() {
        helper.shutdownNow();
    }

    @Test
    void slicesGiveTheVerdictsAndFiguresOfTheWholePeriod() {
        for (long seed : new long[] {20261206L, 77L, 4_2026_12L}) {
            LabelledMonth month = new LabelledMonth(seed, 3000, 60);
            compare(month, new Sliced(month, 97, seed), SecondCore.NONE);
        }
    }

    @Test
    void slicesOnTwoThreadsGiveWhatOneThreadGives() {
        LabelledMonth month = new LabelledMonth(1206L, 3000, 60);
        compare(month, new Sliced(month, 1000, 1206L), new SecondCore(helper));
    }

    private void compare(LabelledMonth month, Sliced sliced, SecondCore cores) {
        Jurisdiction j = Congjiang.jurisdiction();
        RegistrySnapshot registry = new RegistrySnapshot(month.subjects(), j);
        Period period = LabelledMonth.MONTH;
        FigureCalculator calculator = new FigureCalculator(j, registry);

        PeriodVerdicts whole = new PeriodScreening(j, registry, Thresholds.defaults(), LabelledMonth::trust)
                .screen(period, month, ReviewBook.NONE);
        List<MeasuredFigure> wholeFigures = calculator.compute(period, whole.shipments(), whole.orders(), whole.links(),
                SecondCore.NONE);

        List<String> parcels = new ArrayList<>();
        FigureCalculator.Running figuring = calculator.running(period);
        long[] inSlices = {0};
        List<String> steps = new ArrayList<>();
        SlicedScreening.Held held = new SlicedScreening(j, registry, Thresholds.defaults(), LabelledMonth::trust, cores)
                .screen(period, sliced, ReviewBook.NONE, (slice, links) -> {
                    slice.forEach(v -> parcels.add(line(v)));
                    figuring.parcels(slice, Map.of(), links);
                    inSlices[0] += slice.size();
                }, new PeriodScreening.Steps() {
                    @Override
                    public void step(String name) {
                        steps.add(name);
                    }

                    @Override
                    public void step(String name, long units) {
                        steps.add(name + " / " + units);
                    }
                });
        held.parcels().forEach(v -> parcels.add(line(v)));
        figuring.parcels(held.parcels(), held.orders(), held.links());
        List<MeasuredFigure> slicedFigures = figuring.figures(held.orders(), cores);

        List<String> expected = new ArrayList<>(whole.shipments().stream().map(SlicedScreeningTest::line).toList());
        Collections.sort(expected);
        Collections.sort(parcels);
        assertThat(inSlices[0]).as("parcels screened slice by slice").isGreaterThan(500);
        assertThat(held.parcels()).as("parcels held to the end").hasSizeGreaterThan(1_000);
        assertThat(expected.stream().filter(v -> !v.contains(" VERIFIED ")).count()).as("flagged parcels")
                .isGreaterThan(300);
        assertThat(parcels).isEqualTo(expected);
        // the progress view's step names how many parcels there are to go through, and counts them
        assertThat(steps).contains(String.format(java.util.Locale.ROOT,
                "screening the period's %,d parcels a slice at a time / %d", whole.shipments().size(),
                whole.shipments().size()));
        assertThat(held.orders().values().stream().map(SlicedScreeningTest::line).toList())
                .isEqualTo(whole.orders().values().stream().map(SlicedScreeningTest::line).toList());
        assertThat(held.ordersPaidIn(period).stream().map(SlicedScreeningTest::line).toList())
                .isEqualTo(whole.ordersPaidInPeriod().stream().map(SlicedScreeningTest::line).toList());
        assertThat(wholeFigures.stream().mapToInt(f -> f.evidence().counted()).sum()).as("records counted")
                .isGreaterThan(3_000);
        assertThat(slicedFigures).isEqualTo(wholeFigures);
    }

    private static String line(ShipmentVerdict v) {
        return v.key() + " " + v.status() + " " + v.findings() + " " + v.company() + " " + v.direction();
    }

    private static String line(OrderVerdict v) {
        return v.key() + " " + v.status() + " " + v.findings() + " " + v.seller();
    }

    /**
     * The month's parcels in slices of {@code size}, shuffled within each slice and the slices handed over in a shuffled
     * order, as a store reading where its rows lie gives them.
     */
    private static final class Sliced implements RecordSource {
        private final LabelledMonth month;
        private final int size;
        private final long seed;

        Sliced(LabelledMonth month, int size, long seed) {
            this.month = month;
            this.size = size;
            this.seed = seed;
        }

        @Override
        public List<StoredShipment> shipments(Period period) {
            throw new AssertionError("a sliced screening never reads the period whole");
        }

        @Override
        public Map<String, StoredOrder> orders(Period period, Collection<StoredShipment> shipments) {
            throw new AssertionError("a sliced screening never hands the period's shipments over to find their orders");
        }

        @Override
        public Map<String, StoredOrder> orders(Period period) {
            return month.orders(period, List.of());
        }

        @Override
        public void eachShipmentSlice(Period period, Consumer<List<StoredShipment>> each) {
            List<StoredShipment> all = month.shipments(period);
            Random random = new Random(seed);
            List<List<StoredShipment>> slices = new ArrayList<>();
            for (int from = 0; from < all.size(); from += size) {
                List<StoredShipment> slice = new ArrayList<>(all.subList(from, Math.min(all.size(), from + size)));
                Collections.shuffle(slice, random);
                slices.add(slice);
            }
            Collections.shuffle(slices, random);
            slices.forEach(each);
        }

        @Override
        public Map<String, List<SourceVersion<Shipment>>> shipmentHistory(Period period) {
            return month.shipmentHistory(period);
        }

        @Override
        public Map<String, List<SourceVersion<SalesOrder>>> orderHistory(Period period) {
            return month.orderHistory(period);
        }
    }
}
