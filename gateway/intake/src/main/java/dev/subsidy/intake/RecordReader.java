package dev.subsidy.intake;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.subsidy.connector.file.TextDecoding;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Reads a body record by record, in chunks, so a large body is never held as one tree. A record
 * that cannot be read on its own comes back as {@link BodyRecord#unreadable}; a body whose
 * structure is broken throws {@link UnreadableBodyException}.
 */
public interface RecordReader {

    /** Up to {@code max} further records; an empty list at the end of the body. */
    List<BodyRecord> next(int max);

    /**
     * Whether reading needs the intake's own transaction (it reads or writes the database as it goes, as
     * a replay of kept rejections does): then it is read on the thread that holds the transaction, not on
     * the intake's reading thread.
     */
    default boolean readsInTransaction() {
        return false;
    }

    /**
     * A reader over a body's bytes, already checked to be text in {@code text}'s charset: NDJSON is read a
     * line at a time from the bytes, and a JSON array in UTF-8 parsed from them an element at a time, so a large
     * body is never held as text too; CSV, and a JSON array in another charset, is decoded once, into one string
     * (no buffer of chars beside it).
     */
    static RecordReader open(FeedFormat format, byte[] body, TextDecoding.Checked text, ObjectMapper json) {
        if (format == FeedFormat.NDJSON) {
            return new NdjsonReader(body, text.start(), text.charset(), json);
        }
        if (format == FeedFormat.JSON && text.charset().equals(StandardCharsets.UTF_8)) {
            return new JsonArrayReader(body, text.start(), json);
        }
        return open(format, new String(body, text.start(), body.length - text.start(), text.charset()), json);
    }

    static RecordReader open(FeedFormat format, String text, ObjectMapper json) {
        return switch (format) {
            case JSON -> new JsonArrayReader(text, json);
            case NDJSON -> new NdjsonReader(text, json);
            case CSV -> new CsvRecordReader(text, json);
        };
    }
}
