package dev.subsidy.runtime.mapping;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.subsidy.connector.api.SourceRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The identity mapping: source records that already are standard records (JSON objects, or CSV-like
 * field maps with the standard field names) pass as they are; the intake validates them. Stateless
 * and thread-safe.
 */
public final class StandardRecordMapper implements RecordMapper {

    /** Exact decimals: an amount must never pass through a double. */
    private final ObjectMapper json = JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

    @Override
    public Set<String> names() {
        return Set.of(STANDARD);
    }

    @Override
    public List<String> problems(String mappingName) {
        if (mappingName == null || STANDARD.equals(mappingName)) {
            return List.of();
        }
        return List.of("unknown mapping '" + mappingName + "'; known mappings: " + STANDARD);
    }

    @Override
    public List<MappedRecord> map(String mappingName, Map<String, String> params, List<SourceRecord> records) {
        if (!problems(mappingName).isEmpty()) {
            throw new IllegalArgumentException(problems(mappingName).get(0));
        }
        List<MappedRecord> out = new ArrayList<>(records.size());
        for (SourceRecord r : records) {
            out.add(identity(r));
        }
        return out;
    }

    /** One record as it is; also the fallback of other mappers for the standard mapping. */
    public MappedRecord identity(SourceRecord record) {
        if (record instanceof SourceRecord.Json j) {
            try {
                JsonNode node = json.readTree(j.json());
                return node instanceof ObjectNode o ? new MappedRecord.Standard(j.position(), o, j.json())
                        : new MappedRecord.Rejected(j.position(), "not a JSON object", j.json());
            } catch (JsonProcessingException e) {
                return new MappedRecord.Rejected(j.position(), "not valid JSON: " + e.getOriginalMessage(), j.json());
            } catch (NumberFormatException e) {
                // a number Jackson cannot hold as a decimal (too many exponent digits)
                return new MappedRecord.Rejected(j.position(), "holds a number that cannot be read: " + e.getMessage(), j.json());
            }
        }
        if (record instanceof SourceRecord.Fields f) {
            ObjectNode node = json.valueToTree(f.fields());
            return new MappedRecord.Standard(f.position(), node, node.toString());
        }
        SourceRecord.Unreadable u = (SourceRecord.Unreadable) record;
        return new MappedRecord.Rejected(u.position(), u.reason(), u.raw());
    }
}
