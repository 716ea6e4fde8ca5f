package dev.subsidy.bench;

import dev.subsidy.intake.CanonicalForm;
import dev.subsidy.intake.ParsedRecord;
import java.util.List;
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
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The content hash intake keeps with every record to tell a duplicate from a new version: the
 * record's canonical JSON (CanonicalForm.of), alone and with its SHA-256 in hex. Over 10,000 checked
 * records. Score: records per second.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g", "-Dfile.encoding=UTF-8"})
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
public class CanonicalHashBenchmark {

    static final int RECORDS = 10_000;

    @Param({"shipment", "order"})
    public String kind;

    private List<ParsedRecord> records;

    @Setup
    public void generate() {
        records = new Intake().acceptAll(kind.equals("shipment") ? StandardFeed.shipments(RECORDS)
                : StandardFeed.orders(RECORDS));
    }

    @Benchmark
    @OperationsPerInvocation(RECORDS)
    public void canonicalForm(Blackhole hole) {
        for (ParsedRecord r : records) {
            hole.consume(canonical(r));
        }
    }

    @Benchmark
    @OperationsPerInvocation(RECORDS)
    public void canonicalFormSha256(Blackhole hole) {
        for (ParsedRecord r : records) {
            hole.consume(CanonicalForm.sha256(canonical(r)));
        }
    }

    /** The content hash as the intake works it out: the canonical form written as UTF-8 straight into SHA-256. */
    @Benchmark
    @OperationsPerInvocation(RECORDS)
    public void contentHash(Blackhole hole) {
        for (ParsedRecord r : records) {
            hole.consume(r.shipment() != null ? CanonicalForm.hash(r.shipment()) : CanonicalForm.hash(r.order()));
        }
    }

    private static String canonical(ParsedRecord r) {
        return r.shipment() != null ? CanonicalForm.of(r.shipment()) : CanonicalForm.of(r.order());
    }
}
