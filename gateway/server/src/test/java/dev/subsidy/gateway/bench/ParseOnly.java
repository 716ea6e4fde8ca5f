package dev.subsidy.gateway.bench;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.subsidy.intake.BodyRecord;
import dev.subsidy.intake.FeedFormat;
import dev.subsidy.intake.ParsedRecord;
import dev.subsidy.intake.RecordReader;
import dev.subsidy.intake.StandardRecordParser;
import dev.subsidy.intake.TextDecoder;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** What the intake does to a body before it stores anything: decode, read records, check each one. */
final class ParseOnly {

    static final int CHUNK = 5000;

    private final ObjectMapper json = JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();
    private final StandardRecordParser parser = new StandardRecordParser(Map.of());

    /** The records of one NDJSON body that pass, in body order; a rejection is an error of the generator. */
    List<ParsedRecord> parse(byte[] ndjson, Instant arrival) {
        RecordReader reader = RecordReader.open(FeedFormat.NDJSON, TextDecoder.decode(ndjson, null), json);
        List<ParsedRecord> parsed = new ArrayList<>();
        for (List<BodyRecord> chunk = reader.next(CHUNK); !chunk.isEmpty(); chunk = reader.next(CHUNK)) {
            for (BodyRecord r : chunk) {
                Object result = parser.parse(r, arrival);
                if (!(result instanceof ParsedRecord record)) {
                    throw new IllegalStateException("the bench generated a record the intake rejects: " + result);
                }
                parsed.add(record);
            }
        }
        return parsed;
    }
}
