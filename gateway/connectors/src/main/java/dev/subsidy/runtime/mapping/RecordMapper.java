package dev.subsidy.runtime.mapping;

import dev.subsidy.connector.api.SourceRecord;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns a connector's source records into standard records, by the mapping a definition names.
 *
 * <p>The runtime knows mappings only through this interface: {@link StandardRecordMapper} (records
 * that already are standard) is the identity, and {@link CatalogRecordMapper} (the JSLT mappings of
 * {@link MappingLibrary}) the {@code recordMapper} bean of {@code admin.MappingConfiguration}, which falls
 * back to the identity for {@code standard}.
 *
 * <p>Thread-safe: pull runs and push requests map concurrently. Must not modify its input.
 */
public interface RecordMapper {

    /** The name of the identity mapping; a definition without a mapping means it too. */
    String STANDARD = "standard";

    /** Every mapping name known, for messages. */
    Set<String> names();

    /**
     * Every problem with a mapping, for validation: empty when it exists and compiles; otherwise
     * "unknown mapping …" with the known names, or the mapping's syntax errors with their lines.
     */
    List<String> problems(String mappingName);

    /**
     * Maps a batch, keeping the order of the source. A record that does not map becomes a
     * {@link MappedRecord.Rejected} with its position and the mapping's error; one bad record never
     * fails the batch.
     *
     * @param mappingName a name for which {@link #problems} is empty; {@code null} means standard
     * @param params the definition's {@code mappingParams}, {@code $params} in the mapping; ignored by
     *     the identity
     */
    List<MappedRecord> map(String mappingName, Map<String, String> params, List<SourceRecord> records);

    /** {@link #map(String, Map, List)} without parameters. */
    default List<MappedRecord> map(String mappingName, List<SourceRecord> records) {
        return map(mappingName, Map.of(), records);
    }
}
