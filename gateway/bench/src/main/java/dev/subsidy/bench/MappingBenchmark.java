package dev.subsidy.bench;

import dev.subsidy.mapping.Mapping;
import dev.subsidy.mapping.MappingCatalog;
import dev.subsidy.mapping.MappingLoadException;
import dev.subsidy.mapping.MappingResult;
import java.io.IOException;
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
 * A marketplace's order mapping, as shipped in the gateway's jar and run in its sandbox (time budget,
 * size limits), over the mapping's own samples (mappings/samples/&lt;name&gt;/) taken in turn: the native
 * record's text read as JSON, the JSLT applied, the output checked. Score: records per second.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g", "-Dfile.encoding=UTF-8"})
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
public class MappingBenchmark {

    /** Records per invocation: the samples repeated in their order. */
    static final int RECORDS = 100;

    @Param({"taobao-trades", "douyin-orders", "standard-csv"})
    public String mapping;

    private Mapping compiled;
    private MappingSamples.Case[] records;

    @Setup
    public void load() throws MappingLoadException, IOException {
        compiled = MappingCatalog.loadClasspath(MappingBenchmark.class.getClassLoader(), "mappings").get(mapping);
        List<MappingSamples.Case> samples = MappingSamples.of(mapping);
        records = new MappingSamples.Case[RECORDS];
        for (int i = 0; i < RECORDS; i++) {
            records[i] = samples.get(i % samples.size());
        }
        long rejected = samples.stream()
                .filter(c -> compiled.apply(c.record(), c.params()) instanceof MappingResult.Rejected).count();
        System.out.printf("%n%s: %d samples, %d mapped, %d rejected%n", mapping, samples.size(),
                samples.size() - rejected, rejected);
    }

    @Benchmark
    @OperationsPerInvocation(RECORDS)
    public void samples(Blackhole hole) {
        for (MappingSamples.Case c : records) {
            hole.consume(compiled.apply(c.record(), c.params()));
        }
    }
}
