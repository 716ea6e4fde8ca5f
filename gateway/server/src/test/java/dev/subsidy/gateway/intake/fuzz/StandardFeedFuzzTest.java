package dev.subsidy.gateway.intake.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.subsidy.gateway.fuzz.ColumnLimits;
import dev.subsidy.intake.BodyRecord;
import dev.subsidy.intake.FeedFormat;
import dev.subsidy.intake.ParsedRecord;
import dev.subsidy.intake.RecordReader;
import dev.subsidy.intake.Rejection;
import dev.subsidy.intake.StandardRecordParser;
import dev.subsidy.intake.TextDecoder;
import dev.subsidy.intake.UnreadableBodyException;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A body posted to POST /api/v1/feeds/standard/records, whatever it holds, is refused as a whole with
 * a reason (400: not text, not a JSON array, no CSV header) or read record by record into accepted
 * records and rejections with their reasons, indexed from 0 without a gap. The body goes the way
 * {@code FeedIntake} takes it: decoded (charset detected, or declared UTF-8), then read as each of the
 * three feed formats in small chunks (so a record straddles chunk ends), each record validated by the
 * {@link StandardRecordParser}. Storing is left out, but every accepted record must be one the store
 * can write ({@link StorableRecords}): otherwise the body fails as a whole, with a 500.
 */
class StandardFeedFuzzTest {

    /** Configured as FeedIntake configures its reader: exact decimals, a field named twice is an error. */
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .build();

    private static final StandardRecordParser PARSER = new StandardRecordParser(Map.of("USD", new BigDecimal("7.1")));
    private static final Instant ARRIVAL = Instant.parse("2026-11-01T00:00:00Z");
    private static final int CHUNK = 2;
    private static final StorableRecords STORABLE = new StorableRecords(ColumnLimits.migrated());


    // fuzzed in mvn verify for fuzz.seconds (root pom); without a limit of its own when fuzzed by hand
    @FuzzTest(maxDuration = "")
    void aFeedBodyIsRefusedWithAReasonOrEveryRecordIsAcceptedOrRejectedWithOne(byte[] body) {
        for (Charset declared : Arrays.asList(null, StandardCharsets.UTF_8)) {
            String text;
            try {
                text = TextDecoder.decode(body, declared);
            } catch (UnreadableBodyException e) {
                requireReason(e);
                continue;
            }
            for (FeedFormat format : FeedFormat.values()) {
                readEveryRecord(format, text);
            }
        }
    }

    private static void readEveryRecord(FeedFormat format, String text) {
        int expected = 0;
        try {
            RecordReader reader = RecordReader.open(format, text, JSON);
            for (List<BodyRecord> chunk = reader.next(CHUNK); !chunk.isEmpty(); chunk = reader.next(CHUNK)) {
                if (chunk.size() > CHUNK) {
                    throw new AssertionError(format + ": " + chunk.size() + " records in a chunk of " + CHUNK);
                }
                for (BodyRecord record : chunk) {
                    if (record.index() != expected++) {
                        throw new AssertionError(format + ": record " + record.index() + " where " + (expected - 1) + " was due");
                    }
                    Object parsed = PARSER.parse(record, ARRIVAL);
                    if (parsed instanceof Rejection r) {
                        if (r.index() != record.index() || r.reason() == null || r.reason().isBlank()) {
                            throw new AssertionError(format + ": rejection without its index or reason: " + r);
                        }
                    } else if (parsed instanceof ParsedRecord p && p.index() == record.index()) {
                        if (p.shipment() != null) {
                            STORABLE.require(p.shipment());
                        } else {
                            STORABLE.require(p.order());
                        }
                    } else {
                        throw new AssertionError(format + ": neither a record nor a rejection: " + parsed);
                    }
                }
            }
        } catch (UnreadableBodyException e) {
            requireReason(e);
        }
    }

    private static void requireReason(UnreadableBodyException e) {
        if (e.getMessage() == null || e.getMessage().isBlank()) {
            throw new AssertionError("a body refused without a reason", e);
        }
    }
}
