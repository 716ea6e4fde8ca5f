package dev.subsidy.bench;

import dev.subsidy.figures.FigureCalculator;
import dev.subsidy.figures.MeasuredFigure;
import dev.subsidy.model.Period;
import dev.subsidy.model.RecordStatus;
import dev.subsidy.verification.Jurisdiction;
import dev.subsidy.verification.OrderVerdict;
import dev.subsidy.verification.PeriodVerdicts;
import dev.subsidy.verification.RegistrySnapshot;
import dev.subsidy.verification.ShipmentVerdict;
import dev.subsidy.verification.Verifier;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The rules of a period close over a generated month of 从江县: 100,000 checked records (70,000
 * shipments, 30,000 orders) against its small registry. {@code verify}: every record placed, linked,
 * attributed and given its status and reasons (Verifier); {@code figures}: every metric of the month
 * computed from those verdicts, evidence and digests included (FigureCalculator). Records are in
 * memory: no database. Score: records per second.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g", "-Dfile.encoding=UTF-8"})
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
public class VerificationBenchmark {

    static final int RECORDS = 100_000;
    private static final Period OCTOBER = Period.parse("2026-10");

    private PeriodRecords records;
    private Verifier verifier;
    private FigureCalculator calculator;
    private PeriodVerdicts verdicts;

    @Setup
    public void generate() {
        records = new PeriodRecords(new Intake().acceptAll(StandardFeed.mixed(RECORDS)));
        Jurisdiction county = Congjiang.jurisdiction();
        RegistrySnapshot registry = new RegistrySnapshot(Congjiang.subjects(), county);
        verifier = new Verifier(county, registry);
        calculator = new FigureCalculator(county, registry);
        verdicts = verifier.verify(OCTOBER, records);
        System.out.printf("%nshipments %s, orders %s, %d figures%n", statuses(verdicts.shipments().stream()
                        .map(ShipmentVerdict::status).toList()),
                statuses(verdicts.orders().values().stream().map(OrderVerdict::status).toList()), figures().size());
    }

    @Benchmark
    @OperationsPerInvocation(RECORDS)
    public PeriodVerdicts verify() {
        return verifier.verify(OCTOBER, records);
    }

    @Benchmark
    @OperationsPerInvocation(RECORDS)
    public List<MeasuredFigure> figures() {
        return calculator.compute(OCTOBER, verdicts.shipments(), verdicts.orders());
    }

    private static Map<RecordStatus, Integer> statuses(List<RecordStatus> all) {
        Map<RecordStatus, Integer> counts = new EnumMap<>(RecordStatus.class);
        all.forEach(s -> counts.merge(s, 1, Integer::sum));
        return counts;
    }
}
