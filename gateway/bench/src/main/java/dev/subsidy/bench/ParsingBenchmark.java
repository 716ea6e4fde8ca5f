package dev.subsidy.bench;

import dev.subsidy.intake.FeedFormat;
import java.nio.charset.StandardCharsets;
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
 * A feed body of 10,000 standard records, as posted, to checked records: its charset checked (detected), read
 * from its bytes with Jackson in chunks of 5,000 — NDJSON line by line, a JSON array element by element — and
 * validated by StandardRecordParser, exactly as the intake does before it stores anything. Score: records per second.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g", "-Dfile.encoding=UTF-8"})
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
public class ParsingBenchmark {

    static final int BODY = 10_000;

    @Param({"shipment", "order"})
    public String kind;

    private final Intake intake = new Intake();
    private byte[] body;
    private byte[] array;

    @Setup
    public void generate() {
        String text = kind.equals("shipment") ? StandardFeed.shipments(BODY) : StandardFeed.orders(BODY);
        intake.acceptAll(text);
        body = text.getBytes(StandardCharsets.UTF_8);
        // the same records as one JSON array, each element the NDJSON line it was
        array = ("[" + String.join(",\n", text.strip().split("\n")) + "]").getBytes(StandardCharsets.UTF_8);
        if (intake.check(FeedFormat.JSON, array, r -> {}) != BODY) {
            throw new IllegalStateException("the JSON array body lost records");
        }
    }

    @Benchmark
    @OperationsPerInvocation(BODY)
    public int ndjsonBody(Blackhole hole) {
        return intake.check(body, hole::consume);
    }

    @Benchmark
    @OperationsPerInvocation(BODY)
    public int jsonArrayBody(Blackhole hole) {
        return intake.check(FeedFormat.JSON, array, hole::consume);
    }
}
