package dev.subsidy.gateway.connectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.subsidy.connector.api.SourceRecord;
import dev.subsidy.runtime.mapping.MappedRecord;
import dev.subsidy.runtime.mapping.RecordMapper;
import dev.subsidy.runtime.mapping.StandardRecordMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Stands in for the mapping engine the way it will plug in: knows {@code standard} (delegated to the
 * built-in identity) and one native mapping, {@code test-native}: {@code {"no", "co", "at", "from",
 * "to"}} → a standard shipment. A record without {@code no} is rejected with the mapping's error.
 */
final class TestMapper implements RecordMapper {

    static final String NATIVE = "test-native";

    private final StandardRecordMapper standard = new StandardRecordMapper();
    private final ObjectMapper json = new ObjectMapper();

    @Override
    public Set<String> names() {
        return Set.of(STANDARD, NATIVE);
    }

    @Override
    public List<String> problems(String mappingName) {
        return mappingName == null || names().contains(mappingName) ? List.of()
                : List.of("unknown mapping '" + mappingName + "'; known mappings: " + NATIVE + ", " + STANDARD);
    }

    @Override
    public List<MappedRecord> map(String mappingName, Map<String, String> params, List<SourceRecord> records) {
        if (!NATIVE.equals(mappingName)) {
            return standard.map(mappingName, params, records);
        }
        List<MappedRecord> out = new ArrayList<>();
        for (SourceRecord r : records) {
            if (!(r instanceof SourceRecord.Json j)) {
                out.add(standard.identity(r));
                continue;
            }
            try {
                JsonNode in = json.readTree(j.json());
                if (!in.hasNonNull("no")) {
                    out.add(new MappedRecord.Rejected(j.position(), "test-native: field 'no' is missing", j.json()));
                    continue;
                }
                ObjectNode s = json.createObjectNode();
                s.put("kind", "shipment");
                s.put("carrier", in.path("co").asText());
                s.put("waybillNo", in.path("no").asText());
                s.put("collectedAt", in.path("at").asText());
                s.put("originRegion", in.path("from").asText());
                s.put("destRegion", in.path("to").asText());
                out.add(new MappedRecord.Standard(j.position(), s, j.json()));
            } catch (Exception e) {
                out.add(new MappedRecord.Rejected(j.position(), "test-native: " + e.getMessage(), j.json()));
            }
        }
        return out;
    }
}
