package dev.subsidy.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.subsidy.figures.FigureCalculator;
import dev.subsidy.figures.MeasuredFigure;
import dev.subsidy.model.Metric;
import dev.subsidy.verification.Jurisdiction;
import dev.subsidy.verification.ParcelLinks;
import dev.subsidy.verification.PeriodVerdicts;
import dev.subsidy.verification.RegistrySnapshot;
import dev.subsidy.verification.ReviewBook;
import dev.subsidy.verification.SecondCore;
import dev.subsidy.verification.fraud.Thresholds;
import dev.subsidy.verification.period.PeriodScreening;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A close shares its screening and its figures with a helper thread: over a labelled month with every planted family,
 * the verdicts are those of one thread, record by record, findings in the same order, and so are the figures, keys
 * and digests included.
 */
class SharedScreeningTest {

    private final ExecutorService helper = Executors.newSingleThreadExecutor();

    @AfterEach
    void stop() {
        helper.shutdownNow();
    }

    @Test
    void twoThreadsGiveTheVerdictsOfOne() {
        LabelledMonth month = new LabelledMonth(20261101L, 6000, 80);

        List<String> alone = verdicts(month, SecondCore.NONE);
        List<String> shared = verdicts(month, new SecondCore(helper));

        assertThat(alone).hasSizeGreaterThan(10_000);
        assertThat(alone.stream().filter(v -> v.contains("SUSPECT") || v.contains("DUPLICATE")).count())
                .as("flagged records in the month").isGreaterThan(500);
        assertThat(shared).isEqualTo(alone);
    }

    @Test
    void twoThreadsGiveTheFiguresOfOne() {
        LabelledMonth month = new LabelledMonth(987654321L, 6000, 80);
        Jurisdiction j = Congjiang.jurisdiction();
        RegistrySnapshot registry = new RegistrySnapshot(month.subjects(), j);
        PeriodVerdicts verdicts = new PeriodScreening(j, registry, Thresholds.defaults(), LabelledMonth::trust)
                .screen(LabelledMonth.MONTH, month, ReviewBook.NONE);
        FigureCalculator calculator = new FigureCalculator(j, registry);

        List<MeasuredFigure> alone = calculator.compute(LabelledMonth.MONTH, verdicts.shipments(), verdicts.orders());
        List<MeasuredFigure> shared = calculator.compute(LabelledMonth.MONTH, verdicts.shipments(), verdicts.orders(),
                new SecondCore(helper));

        assertThat(alone).hasSizeGreaterThan(10);
        assertThat(alone.stream().mapToInt(f -> f.evidence().counted()).sum()).as("records counted").isGreaterThan(5_000);
        assertThat(shared).isEqualTo(alone);
    }

    @Test
    void theLinksTheScreeningMadeGiveTheFiguresTheWaybillsGive() {
        LabelledMonth month = new LabelledMonth(20261203L, 6000, 80);
        Jurisdiction j = Congjiang.jurisdiction();
        RegistrySnapshot registry = new RegistrySnapshot(month.subjects(), j);
        PeriodVerdicts verdicts = new PeriodScreening(j, registry, Thresholds.defaults(), LabelledMonth::trust,
                new SecondCore(helper)).screen(LabelledMonth.MONTH, month, ReviewBook.NONE);
        FigureCalculator calculator = new FigureCalculator(j, registry);

        List<MeasuredFigure> byWaybill = calculator.compute(LabelledMonth.MONTH, verdicts.shipments(), verdicts.orders(),
                ParcelLinks.UNKNOWN, new SecondCore(helper));
        List<MeasuredFigure> byLinks = calculator.compute(LabelledMonth.MONTH, verdicts.shipments(), verdicts.orders(),
                verdicts.links(), new SecondCore(helper));

        assertThat(verdicts.links().known()).isTrue();
        assertThat(verdicts.shipments().stream().filter(v -> verdicts.links().ordersOf(v.stored()).size() > 1).count())
                .as("parcels linked to more than one order").isGreaterThan(10);
        assertThat(verdicts.shipments().stream().filter(v -> verdicts.links().ordersOf(v.stored()).size() == 1).count())
                .as("parcels linked to one order").isGreaterThan(1_000);
        assertThat(verdicts.shipments().stream().filter(v -> !v.verified()).count()).as("flagged parcels")
                .isGreaterThan(100);
        assertThat(byWaybill.stream().filter(f -> f.metric() == Metric.PARCELS_SHIPPED).mapToInt(f -> f.evidence().counted())
                .sum()).as("parcels counted by the merchant of the order behind them").isGreaterThan(1_000);
        assertThat(byLinks).isEqualTo(byWaybill);
    }

    /** Every shipment and order with its status and its findings, in the verdicts' order. */
    private static List<String> verdicts(LabelledMonth month, SecondCore cores) {
        Jurisdiction j = Congjiang.jurisdiction();
        PeriodVerdicts verdicts = new PeriodScreening(j, new RegistrySnapshot(month.subjects(), j), Thresholds.defaults(),
                LabelledMonth::trust, cores).screen(LabelledMonth.MONTH, month, ReviewBook.NONE);
        return java.util.stream.Stream.concat(
                verdicts.shipments().stream().map(v -> v.key() + " " + v.status() + " " + v.findings()),
                verdicts.orders().values().stream().map(v -> v.key() + " " + v.status() + " " + v.findings()))
                .toList();
    }
}
