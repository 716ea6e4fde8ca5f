package dev.subsidy.runtime.mapping;

import dev.subsidy.connector.api.SourceRecord;
import dev.subsidy.intake.BodyRecord;
import dev.subsidy.intake.RecordReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A connector's source records mapped to standard records a chunk at a time, as the intake reads them: the mapping
 * runs on the intake's reading thread while the chunk before is stored (docs/operations.md "Database"), where mapping a
 * whole file first left the writer idle meanwhile. Records are numbered across chunks as {@link IntakeRecords#of}
 * numbers one list, so what is stored and rejected is the same.
 */
public final class MappedReader implements RecordReader {

    private final RecordMapper mapper;
    private final String mapping;
    private final Map<String, String> params;
    private final List<SourceRecord> source;
    /** The source position of each record read so far, by its number: what a file's error report names. */
    private final List<String> positions = new ArrayList<>();
    private int next;

    /**
     * @param mapping as {@link RecordMapper#map}: a name for which {@link RecordMapper#problems} is empty, or
     *     {@code null} for standard records
     */
    public MappedReader(RecordMapper mapper, String mapping, Map<String, String> params, List<SourceRecord> source) {
        this.mapper = mapper;
        this.mapping = mapping;
        this.params = params;
        this.source = source;
    }

    /** Up to {@code max} source records mapped: more records when one maps to several, none only at the end. */
    @Override
    public List<BodyRecord> next(int max) {
        while (next < source.size()) {
            int end = Math.min(source.size(), next + max);
            List<MappedRecord> mapped = mapper.map(mapping, params, source.subList(next, end));
            next = end;
            if (!mapped.isEmpty()) {
                List<BodyRecord> records = IntakeRecords.of(mapped, positions.size());
                records.forEach(r -> positions.add(r.position()));
                return records;
            }
        }
        return List.of();
    }

    /** The source position of each record read so far, by its number; null for a record without one. */
    public List<String> positions() {
        return positions;
    }
}
