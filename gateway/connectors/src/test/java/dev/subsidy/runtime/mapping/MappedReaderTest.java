package dev.subsidy.runtime.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.subsidy.connector.api.SourceRecord;
import dev.subsidy.intake.BodyRecord;
import dev.subsidy.intake.FeedIntake;
import dev.subsidy.intake.IntakeCommitHook;
import dev.subsidy.intake.IntakeStore;
import dev.subsidy.intake.RecordLimits;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A file's rows mapped a chunk at a time as the intake reads them give the records, numbers and positions that
 * mapping the whole file at once gives: a row that maps to several records, to none, or is refused included, at
 * every chunk size.
 */
class MappedReaderTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Row {@code n} maps to n % 3 records (none, one, two); every fifth row is refused. */
    private final RecordMapper mapper = new RecordMapper() {
        @Override
        public Set<String> names() {
            return Set.of("rows");
        }

        @Override
        public List<String> problems(String mappingName) {
            return List.of();
        }

        @Override
        public List<MappedRecord> map(String mappingName, Map<String, String> params, List<SourceRecord> records) {
            List<MappedRecord> out = new ArrayList<>();
            for (SourceRecord r : records) {
                int n = Integer.parseInt(r.position().substring("row ".length()));
                if (n % 5 == 0) {
                    out.add(new MappedRecord.Rejected(r.position(), "row " + n + " refused", "raw " + n));
                    continue;
                }
                for (int copy = 0; copy < n % 3; copy++) {
                    ObjectNode standard = JSON.createObjectNode().put("row", n).put("copy", copy);
                    out.add(new MappedRecord.Standard(r.position(), standard, "raw " + n));
                }
            }
            return out;
        }
    };

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 7, 50, 1000})
    void chunksGiveWhatTheWholeFileGives(int chunk) {
        List<SourceRecord> rows = new ArrayList<>();
        for (int n = 1; n <= 50; n++) {
            rows.add(SourceRecord.json("row " + n, "{}"));
        }
        List<BodyRecord> whole = IntakeRecords.of(mapper.map("rows", Map.of(), rows));

        MappedReader reader = new MappedReader(mapper, "rows", Map.of(), rows);
        List<BodyRecord> read = new ArrayList<>();
        for (List<BodyRecord> c = reader.next(chunk); !c.isEmpty(); c = reader.next(chunk)) {
            read.addAll(c);
        }

        assertThat(read).hasSize(whole.size()).isEqualTo(whole);
        assertThat(reader.positions()).isEqualTo(whole.stream().map(BodyRecord::position).toList());
        assertThat(whole).extracting(BodyRecord::index).doesNotHaveDuplicates();
    }

    /**
     * A mapping that fails half-way through a file, after its first chunk was written in the transaction: the failure
     * reaches the caller (the inbox leaves the file where it is) and the batch is never recorded, so the transaction
     * ends without a commit of anything.
     */
    @Test
    void aMappingThatFailsHalfWayFailsTheWholeFileWithNothingCommitted() {
        List<SourceRecord> rows = new ArrayList<>();
        for (int n = 1; n <= 30; n++) {
            rows.add(SourceRecord.json("row " + n, "{}"));
        }
        RecordMapper failsAtRow25 = new RecordMapper() {
            @Override
            public Set<String> names() {
                return mapper.names();
            }

            @Override
            public List<String> problems(String mappingName) {
                return List.of();
            }

            @Override
            public List<MappedRecord> map(String mappingName, Map<String, String> params, List<SourceRecord> records) {
                if (records.stream().anyMatch(r -> r.position().equals("row 25"))) {
                    throw new IllegalStateException("the mapping broke at row 25");
                }
                return mapper.map(mappingName, params, records);
            }
        };
        List<String> calls = new ArrayList<>();
        IntakeStore store = (IntakeStore) Proxy.newProxyInstance(IntakeStore.class.getClassLoader(),
                new Class<?>[] {IntakeStore.class}, (proxy, method, args) -> {
                    calls.add(method.getName());
                    if (method.getName().equals("inWriteTransaction")) {
                        return ((Supplier<?>) args[0]).get();
                    }
                    if (method.getName().startsWith("storeArrived")) {
                        return new IntakeStore.Counts(((List<?>) args[0]).size(), 0);
                    }
                    return null;
                });
        FeedIntake intake = new FeedIntake(store, Map.of(), RecordLimits.defaults(), 10, Clock.systemUTC());

        assertThatThrownBy(() -> intake.ingestMapped("inbox", "FILE",
                () -> new MappedReader(failsAtRow25, "rows", Map.of(), rows), IntakeCommitHook.NONE))
                .isInstanceOf(IllegalStateException.class).hasMessage("the mapping broke at row 25");
        assertThat(calls).contains("inWriteTransaction", "storeArrivedShipments")
                .doesNotContain("storeBatch", "storeRejections");
    }
}
