package dev.subsidy.runtime.assembly;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.subsidy.connector.api.SourceRecord;
import dev.subsidy.intake.IntakeReceipt;
import dev.subsidy.runtime.mapping.MappedRecord;
import dev.subsidy.runtime.mapping.RecordMapper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Trace assembly for a push connector whose definition has an {@code assembly}: each fragment (one
 * source record, one waybill) is merged with every event kept for its waybill, the merged fragment is
 * mapped, and the fragment's new events are kept. A merged trace the mapping finds incomplete (its
 * rejection contains one of {@link TraceAssembly#incomplete()}'s phrases) is not an intake rejection:
 * its events wait for the next push, and the reply says what it waits for.
 *
 * <p>{@link #prepare} runs inside the intake's transaction after its write lock, {@link Pass#keep}
 * in its commit hook: reading, mapping, storing the records and keeping the events are one unit, so
 * a crash neither loses a kept event nor keeps one twice, and two pushes for one waybill never miss
 * each other's events. Thread-safe; a {@link Pass} belongs to one push.
 */
public final class TraceAssembler {

    private static final ObjectMapper JSON = JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

    private final TraceEventStore store;
    private final RecordMapper mapper;

    public TraceAssembler(TraceEventStore store, RecordMapper mapper) {
        this.store = store;
        this.mapper = mapper;
    }

    /** One push's assembly: what it maps, what it keeps, what waits. */
    public final class Pass {
        private final String connectorId;
        private final TraceAssembly assembly;
        private final String mapping;
        private final Map<String, String> params;
        private final List<TraceEventStore.NewEvent> kept = new ArrayList<>();
        private final List<IntakeReceipt.Waiting> waiting = new ArrayList<>();

        private Pass(String connectorId, TraceAssembly assembly, String mapping, Map<String, String> params) {
            this.connectorId = connectorId;
            this.assembly = assembly;
            this.mapping = mapping;
            this.params = params;
        }

        /**
         * The mapped records of the push, each assembled fragment replaced by its merged trace, the
         * incomplete ones left out (and listed by {@link #waiting}). Called again, it starts over.
         */
        public List<MappedRecord> prepare(List<SourceRecord> fragments) {
            kept.clear();
            waiting.clear();
            List<MappedRecord> out = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            for (SourceRecord fragment : fragments) {
                Optional<TraceMerge.Fragment> parts = parts(fragment);
                if (parts.isEmpty()) {
                    out.addAll(mapper.map(mapping, params, List.of(fragment)));
                    continue;
                }
                TraceMerge.Fragment f = parts.get();
                List<JsonNode> stored = new ArrayList<>(store.events(connectorId, f.carrier(), f.waybill()));
                // events of the same waybill earlier in this push count as stored
                for (TraceEventStore.NewEvent e : kept) {
                    if (e.carrier().equals(f.carrier()) && e.waybill().equals(f.waybill())) {
                        stored.add(e.event());
                    }
                }
                List<JsonNode> events = TraceMerge.union(stored, f.events());
                for (JsonNode event : f.events()) {
                    String hash = TraceMerge.hash(event);
                    if (seen.add(f.carrier() + "\u0000" + f.waybill() + "\u0000" + hash)) {
                        kept.add(new TraceEventStore.NewEvent(f.carrier(), f.waybill(), hash, event, kept.size()));
                    }
                }
                SourceRecord merged = SourceRecord.json(fragment.position(),
                        TraceMerge.merged(assembly, f.envelope(), events).toString());
                for (MappedRecord m : mapper.map(mapping, params, List.of(merged))) {
                    Optional<String> wait = m instanceof MappedRecord.Rejected r ? assembly.waitingFor(r.reason()) : Optional.empty();
                    if (wait.isPresent()) {
                        waiting.add(new IntakeReceipt.Waiting(f.waybill(), events.size(), wait.get(),
                                fragment.position() + ": assembling: " + events.size() + (events.size() == 1 ? " event" : " events")
                                        + " kept, waiting for " + wait.get() + " (" + ((MappedRecord.Rejected) m).reason() + ")"));
                    } else if (m instanceof MappedRecord.Standard standard) {
                        // the record's raw payload is the fragment the carrier pushed, not the merge the gateway
                        // made of it: a text the carrier can produce and check (its other events are in trace_event)
                        out.add(new MappedRecord.Standard(standard.position(), standard.record(),
                                ((SourceRecord.Json) fragment).json()));
                    } else {
                        out.add(m);
                    }
                }
            }
            return out;
        }

        private Optional<TraceMerge.Fragment> parts(SourceRecord fragment) {
            if (!(fragment instanceof SourceRecord.Json j)) {
                return Optional.empty();
            }
            try {
                return TraceMerge.read(assembly, JSON.readTree(j.json()));
            } catch (JsonProcessingException e) {
                return Optional.empty(); // the mapping says what is wrong with it
            }
        }

        /** Keeps this push's events: in the intake's commit hook. */
        public void keep(String batchId, Instant receivedAt) {
            store.add(connectorId, batchId, receivedAt, kept);
        }

        /** The fragments whose trace is not complete yet, in push order. */
        public List<IntakeReceipt.Waiting> waiting() {
            return List.copyOf(waiting);
        }
    }

    /** A pass for one push to a connector with this assembly, mapped by {@code mapping}. */
    public Pass pass(String connectorId, TraceAssembly assembly, String mapping, Map<String, String> params) {
        return new Pass(connectorId, assembly, mapping, params);
    }
}
