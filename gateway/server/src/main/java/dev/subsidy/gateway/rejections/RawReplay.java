package dev.subsidy.gateway.rejections;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.subsidy.connector.api.SourceRecord;
import dev.subsidy.intake.BodyRecord;
import dev.subsidy.runtime.mapping.IntakeRecords;
import dev.subsidy.runtime.mapping.RecordMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Makes a rejection's raw text into records for the intake again, by what its connector is configured
 * with now: its current mapping (the one the administrator fixed), or the identity for the standard
 * feed. The raw text of every rejection is the record as its source gave it (a feed's JSON element or
 * line, a partner's JSON record, a file row as the JSON object of its cells), so it maps as it first
 * did. One that is not a JSON object could not be read when it arrived: no fix makes it readable, so it
 * is not replayed (and not queued again), with the reason.
 */
final class RawReplay {

    /** The standard feed's CSV origin: its rejections keep the row without the header row. */
    private static final String CSV = "CSV";

    private final ObjectMapper json = JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();
    private final RecordMapper mapper;
    private final String mapping;
    private final Map<String, String> params;

    /** @param mapping the mapping to run, null for the identity (standard records) */
    RawReplay(RecordMapper mapper, String mapping, Map<String, String> params) {
        this.mapper = mapper;
        this.mapping = mapping;
        this.params = params == null ? Map.of() : params;
    }

    /**
     * What one rejection becomes.
     *
     * @param records its records, numbered from the index given; empty when the mapping makes none
     * @param notReplayable why it cannot be replayed; null when it can
     */
    record Remade(List<BodyRecord> records, String notReplayable) {}

    /** @param firstIndex the index in the replay batch its first record takes */
    Remade remake(RejectionBook.Pending rejection, int firstIndex) {
        String problem = notARecord(rejection);
        if (problem != null) {
            return new Remade(List.of(), problem);
        }
        String position = "replay of " + rejection.batch() + " #" + rejection.index();
        List<BodyRecord> mapped = IntakeRecords.of(mapper.map(mapping, params, List.of(SourceRecord.json(position, rejection.raw()))));
        List<BodyRecord> out = new ArrayList<>(mapped.size());
        for (BodyRecord r : mapped) {
            out.add(new BodyRecord(firstIndex + r.index(), r.fields(), r.raw(), r.problem(), r.position(), r.payload()));
        }
        return new Remade(out, null);
    }

    private String notARecord(RejectionBook.Pending rejection) {
        String raw = rejection.raw();
        if (raw == null || raw.isBlank()) {
            return "not replayable: nothing of the record was kept when it was rejected; ask the sender for it again";
        }
        JsonNode node;
        try {
            node = json.readTree(raw);
        } catch (JsonProcessingException | NumberFormatException e) {
            node = null;
        }
        if (node != null && node.isObject()) {
            return null;
        }
        if (CSV.equals(rejection.origin())) {
            return "not replayable: a CSV row of the standard feed is kept without its header row, so it cannot be "
                    + "read again; send the row again with its header";
        }
        return "not replayable: its raw text is not a JSON object (it could not be read when it arrived); "
                + "ask the sender for it again";
    }
}
