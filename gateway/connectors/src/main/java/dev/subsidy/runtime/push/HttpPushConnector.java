package dev.subsidy.runtime.push;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.subsidy.connector.api.ConnectorContext;
import dev.subsidy.connector.api.ConnectorException;
import dev.subsidy.connector.api.PushConnector;
import dev.subsidy.connector.api.PushRequest;
import dev.subsidy.connector.api.RecordBatch;
import dev.subsidy.connector.api.SourceRecord;
import dev.subsidy.intake.FeedFormat;
import dev.subsidy.intake.RecordReader;
import dev.subsidy.intake.TextDecoder;
import dev.subsidy.intake.UnreadableBodyException;
import dev.subsidy.intake.UnsupportedFormatException;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;

/**
 * Reads a feeder's body with the feed endpoint's own readers (so JSON, NDJSON and CSV, UTF-8 or GBK,
 * behave exactly as for standard records) and hands each item on as a source record with its
 * position; an item that cannot be read is an unreadable record, a body that cannot be read at all a
 * BAD_PAYLOAD. Stateless and thread-safe.
 */
final class HttpPushConnector implements PushConnector, ReceiptReply {

    private static final int CHUNK = 1000;

    private final ObjectMapper json = JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

    @Override
    public void start(ConnectorContext context) {
        // nothing to prepare: no settings, no partner to call
    }

    @Override
    public RecordBatch receive(PushRequest request) throws ConnectorException {
        FeedFormat format;
        Charset charset;
        try {
            MediaType type = request.contentType().isBlank() ? null : MediaType.parseMediaType(request.contentType());
            format = FeedFormat.of(type);
            charset = type == null ? null : type.getCharset();
        } catch (InvalidMediaTypeException | UnsupportedFormatException e) {
            throw new ConnectorException(ConnectorException.Reason.BAD_PAYLOAD, e.getMessage());
        }
        List<SourceRecord> records = new ArrayList<>();
        try {
            RecordReader reader = RecordReader.open(format, TextDecoder.decode(request.body(), charset), json);
            for (List<dev.subsidy.intake.BodyRecord> chunk = reader.next(CHUNK); !chunk.isEmpty(); chunk = reader.next(CHUNK)) {
                for (dev.subsidy.intake.BodyRecord r : chunk) {
                    String position = position(format, r.index());
                    // a JSON item travels as the feeder wrote it: that text is its raw payload (docs/records.md
                    // "Provenance"); a CSV row becomes the JSON object of its cells
                    String item = format == FeedFormat.CSV || r.payload() == null ? String.valueOf(r.fields()) : r.payload();
                    records.add(r.fields() != null ? SourceRecord.json(position, item)
                            : SourceRecord.unreadable(position, r.problem(), r.raw()));
                }
            }
        } catch (UnreadableBodyException e) {
            throw new ConnectorException(ConnectorException.Reason.BAD_PAYLOAD, e.getMessage());
        }
        return RecordBatch.of(records);
    }

    /** Item numbers as a person counts them: from 1, CSV rows after the header row. */
    private static String position(FeedFormat format, int index) {
        return switch (format) {
            case JSON -> "item " + (index + 1);
            case NDJSON -> "record " + (index + 1);
            case CSV -> "row " + (index + 2);
        };
    }

    @Override
    public void stop() {
        // nothing held
    }
}
