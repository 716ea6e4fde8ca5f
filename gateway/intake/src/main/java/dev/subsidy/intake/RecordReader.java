package dev.subsidy.intake;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;

/**
 * Reads a body record by record, in chunks, so a large body is never held as one tree. A record
 * that cannot be read on its own comes back as {@link BodyRecord#unreadable}; a body whose
 * structure is broken throws {@link UnreadableBodyException}.
 */
public interface RecordReader {

    /** Up to {@code max} further records; an empty list at the end of the body. */
    List<BodyRecord> next(int max);

    static RecordReader open(FeedFormat format, String text, ObjectMapper json) {
        return switch (format) {
            case JSON -> new JsonArrayReader(text, json);
            case NDJSON -> new NdjsonReader(text, json);
            case CSV -> new CsvRecordReader(text, json);
        };
    }
}
