package dev.subsidy.bench;

import dev.subsidy.figures.FigureCalculator;
import dev.subsidy.figures.MeasuredFigure;
import dev.subsidy.model.Period;
import dev.subsidy.verification.Jurisdiction;
import dev.subsidy.verification.PeriodVerdicts;
import dev.subsidy.verification.RegistrySnapshot;
import dev.subsidy.verification.ReviewBook;
import dev.subsidy.verification.SecondCore;
import dev.subsidy.verification.TrustLevel;
import dev.subsidy.verification.fraud.Thresholds;
import dev.subsidy.verification.period.PeriodScreening;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A period close's whole screening (PeriodScreening: every record verified, then every fraud rule over the
 * period) and its figures (FigureCalculator) over the generated month of {@link VerificationBenchmark}, on the
 * calling thread alone and shared with one helper thread, as a close shares them with its second core. Records
 * are in memory: no database. Score: records per second.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g", "-Dfile.encoding=UTF-8"})
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
public class ScreeningBenchmark {

    private static final Period OCTOBER = Period.parse("2026-10");

    @Param({"1", "2"})
    public int threads;

    private PeriodRecords records;
    private PeriodScreening screening;
    private ExecutorService helper;
    private SecondCore cores;
    private FigureCalculator calculator;
    private PeriodVerdicts verdicts;

    @Setup
    public void generate() {
        records = new PeriodRecords(new Intake().acceptAll(StandardFeed.mixed(VerificationBenchmark.RECORDS)));
        Jurisdiction county = Congjiang.jurisdiction();
        helper = Executors.newSingleThreadExecutor();
        cores = threads == 2 ? new SecondCore(helper) : SecondCore.NONE;
        RegistrySnapshot registry = new RegistrySnapshot(Congjiang.subjects(), county);
        screening = new PeriodScreening(county, registry, Thresholds.defaults(), connector -> TrustLevel.MARKETPLACE, cores);
        calculator = new FigureCalculator(county, registry);
        verdicts = screen();
    }

    @TearDown
    public void stop() {
        helper.shutdownNow();
    }

    @Benchmark
    @OperationsPerInvocation(VerificationBenchmark.RECORDS)
    public PeriodVerdicts screen() {
        return screening.screen(OCTOBER, records, ReviewBook.NONE);
    }

    @Benchmark
    @OperationsPerInvocation(VerificationBenchmark.RECORDS)
    public List<MeasuredFigure> figures() {
        return calculator.compute(OCTOBER, verdicts.shipments(), verdicts.orders(), cores);
    }
}
