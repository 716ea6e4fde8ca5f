package dev.subsidy.bench;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.subsidy.intake.BodyRecord;
import dev.subsidy.intake.FeedFormat;
import dev.subsidy.intake.ParsedRecord;
import dev.subsidy.intake.RecordReader;
import dev.subsidy.intake.StandardRecordParser;
import dev.subsidy.intake.TextDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** The intake's reading and checking of a body, set up as the gateway sets it up, without the store. */
final class Intake {

    /** Records validated per chunk of a body: the default {@code gateway.feeds.batch-size}. */
    static final int CHUNK = 5000;
    /** The gateway's clock when the feeds arrive: after the month, so that no record is in the future. */
    static final Instant ARRIVAL = Instant.parse("2026-11-05T02:00:00Z");

    /** The body reader's JSON settings, as FeedIntake has them: exact decimals, duplicate keys refused. */
    private final ObjectMapper json = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .build();
    /** No currency rates and the default limits: an unconfigured gateway. */
    private final StandardRecordParser parser = new StandardRecordParser(Map.of());

    /**
     * Reads an NDJSON body chunk by chunk and checks every record; gives each result, a ParsedRecord or a
     * Rejection, to {@code sink}.
     *
     * @return how many records were accepted
     */
    int check(byte[] body, Consumer<Object> sink) {
        return check(FeedFormat.NDJSON, body, sink);
    }

    /**
     * As {@link #check(byte[], Consumer)}, for a body of {@code format}, read as the gateway reads a posted body:
     * its charset checked (detected, as for a Content-Type without one), then read from its bytes.
     */
    int check(FeedFormat format, byte[] body, Consumer<Object> sink) {
        RecordReader reader = RecordReader.open(format, body, TextDecoder.check(body, null), json);
        int accepted = 0;
        for (List<BodyRecord> chunk = reader.next(CHUNK); !chunk.isEmpty(); chunk = reader.next(CHUNK)) {
            for (BodyRecord record : chunk) {
                Object result = parser.parse(record, ARRIVAL);
                if (result instanceof ParsedRecord) {
                    accepted++;
                }
                sink.accept(result);
            }
        }
        return accepted;
    }

    /**
     * Every record of an NDJSON text, checked.
     *
     * @throws IllegalStateException with the first rejection: a benchmark's data must be all valid
     */
    List<ParsedRecord> acceptAll(String ndjson) {
        List<ParsedRecord> records = new ArrayList<>();
        check(ndjson.getBytes(StandardCharsets.UTF_8), result -> {
            if (!(result instanceof ParsedRecord parsed)) {
                throw new IllegalStateException("generated record rejected: " + result);
            }
            records.add(parsed);
        });
        return records;
    }
}
