package dev.subsidy.runtime.mapping;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.subsidy.connector.api.SourceRecord;
import dev.subsidy.mapping.Mapping;
import dev.subsidy.mapping.MappingResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The runtime's {@link RecordMapper} over the JSLT mappings of a {@link MappingLibrary}; the
 * identity ({@link StandardRecordMapper}) for {@code standard} and definitions without a mapping.
 *
 * <p>A record the mapping rejects becomes a {@link MappedRecord.Rejected} with its position and the
 * mapping's own message, followed by the mapping's name; a record the connector could not read is
 * rejected with the connector's reason, without being shown to the mapping. One source record may
 * become several standard records, or none (the mapping decided there is nothing to store).
 * Stateless and thread-safe; the mapping is looked up per batch, so one added through the API serves
 * at the next batch.
 */
public final class CatalogRecordMapper implements RecordMapper {

    private final MappingLibrary library;
    private final StandardRecordMapper identity = new StandardRecordMapper();
    private final ObjectMapper json = JsonMapper.builder().build();

    public CatalogRecordMapper(MappingLibrary library) {
        this.library = library;
    }

    @Override
    public Set<String> names() {
        Set<String> names = new TreeSet<>();
        library.all().forEach(k -> names.add(k.name()));
        names.add(STANDARD);
        return names;
    }

    @Override
    public List<String> problems(String mappingName) {
        if (mappingName == null || STANDARD.equals(mappingName)) {
            return List.of();
        }
        return library.find(mappingName)
                .map(k -> k.usable() ? List.<String>of() : List.of("mapping '" + mappingName + "' does not compile: " + k.problem()))
                .orElseGet(() -> List.of("unknown mapping '" + mappingName + "'; known mappings: " + String.join(", ", names())));
    }

    @Override
    public List<MappedRecord> map(String mappingName, Map<String, String> params, List<SourceRecord> records) {
        if (mappingName == null || STANDARD.equals(mappingName)) {
            return identity.map(mappingName, params, records);
        }
        Mapping mapping = library.find(mappingName).map(KnownMapping::mapping).orElseThrow(
                () -> new IllegalArgumentException(problems(mappingName).stream().findFirst().orElse("mapping " + mappingName)));
        List<MappedRecord> out = new ArrayList<>(records.size());
        for (SourceRecord record : records) {
            if (record instanceof SourceRecord.Unreadable u) {
                out.add(new MappedRecord.Rejected(u.position(), u.reason(), u.raw()));
                continue;
            }
            String raw = raw(record);
            MappingResult result = mapping.apply(record, params);
            if (result instanceof MappingResult.Mapped m) {
                for (ObjectNode standard : m.records()) {
                    out.add(new MappedRecord.Standard(m.position(), standard, raw));
                }
            } else {
                MappingResult.Rejected r = (MappingResult.Rejected) result;
                out.add(new MappedRecord.Rejected(r.position(), r.reasonWithMapping(), raw));
            }
        }
        return out;
    }

    /** The source record's text, kept with its intake rejection: the JSON as given, or a row as JSON. */
    private String raw(SourceRecord record) {
        if (record instanceof SourceRecord.Json j) {
            return j.json();
        }
        return json.valueToTree(((SourceRecord.Fields) record).fields()).toString();
    }
}
