package dev.subsidy.gateway.rejections;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.subsidy.connector.api.SourceRecord;
import dev.subsidy.intake.BodyRecord;
import dev.subsidy.runtime.mapping.MappedRecord;
import dev.subsidy.runtime.mapping.RecordMapper;
import dev.subsidy.runtime.mapping.StandardRecordMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RawReplayTest {

    static final String SHIPMENT = "{\"kind\": \"shipment\", \"carrier\": \"ZTO\", \"waybillNo\": \"RAW0000000001\"}";

    private static RejectionBook.Pending rejection(String origin, String raw) {
        return new RejectionBook.Pending("in-1", 4, 0L, origin, raw, "in-1", 4);
    }

    @Test
    void aStandardRecordComesBackAsItWasAtTheIndexItIsGivenNamingTheRejectionItReplays() {
        RawReplay.Remade remade = new RawReplay(new StandardRecordMapper(), null, Map.of()).remake(rejection("NDJSON", SHIPMENT), 7);

        assertThat(remade.notReplayable()).isNull();
        assertThat(remade.records()).singleElement().satisfies(r -> {
            assertThat(r.index()).isEqualTo(7);
            assertThat(r.fields().get("waybillNo").asText()).isEqualTo("RAW0000000001");
            assertThat(r.position()).isEqualTo("replay of in-1 #4");
            // the raw payload is the text as it first arrived, so its hash is the one it would have had
            assertThat(r.payload()).isEqualTo(SHIPMENT);
        });
    }

    @Test
    void aMappingThatMakesSeveralRecordsOfOneNumbersThemOnFromTheIndexGiven() {
        RecordMapper twice = new FixedMapper(2);

        RawReplay.Remade remade = new RawReplay(twice, "it-twice", Map.of()).remake(rejection("PUSH", "{\"no\": 1}"), 3);

        assertThat(remade.records()).extracting(BodyRecord::index).containsExactly(3, 4);
        assertThat(new RawReplay(new FixedMapper(0), "it-none", Map.of()).remake(rejection("PUSH", "{\"no\": 1}"), 3).records())
                .isEmpty();
    }

    @Test
    void rawTextThatIsNotAJsonObjectIsNotReplayableWithAReasonForItsOrigin() {
        RawReplay raw = new RawReplay(new StandardRecordMapper(), null, Map.of());

        assertThat(raw.remake(rejection("CSV", "ZTO,RAW0000000001,2026-10-03"), 0).notReplayable())
                .startsWith("not replayable: a CSV row of the standard feed is kept without its header row");
        assertThat(raw.remake(rejection("NDJSON", "{\"kind\": \"shipment\""), 0).notReplayable())
                .startsWith("not replayable: its raw text is not a JSON object");
        assertThat(raw.remake(rejection("PUSH", "42"), 0).notReplayable())
                .startsWith("not replayable: its raw text is not a JSON object");
        assertThat(raw.remake(rejection("PUSH", ""), 0).notReplayable())
                .startsWith("not replayable: nothing of the record was kept");
        assertThat(raw.remake(rejection("PUSH", "42"), 0).records()).isEmpty();
    }

    /** A mapping of our own making: each source record becomes {@code copies} shipments. */
    private record FixedMapper(int copies) implements RecordMapper {
        @Override
        public Set<String> names() {
            return Set.of("it-fixed");
        }

        @Override
        public List<String> problems(String mappingName) {
            return List.of();
        }

        @Override
        public List<MappedRecord> map(String mappingName, Map<String, String> params, List<SourceRecord> records) {
            List<MappedRecord> out = new ArrayList<>();
            for (SourceRecord r : records) {
                for (int i = 0; i < copies; i++) {
                    ObjectNode shipment = JsonNodeFactory.instance.objectNode().put("kind", "shipment").put("copy", i);
                    out.add(new MappedRecord.Standard(r.position(), shipment, ((SourceRecord.Json) r).json()));
                }
            }
            return out;
        }
    }
}
