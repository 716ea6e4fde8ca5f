package dev.subsidy.gateway.connectors.mapping;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.subsidy.connector.api.SourceRecord;
import dev.subsidy.gateway.GatewayProperties;
import dev.subsidy.intake.BodyRecord;
import dev.subsidy.intake.RecordLimits;
import dev.subsidy.intake.Rejection;
import dev.subsidy.intake.StandardRecordParser;
import dev.subsidy.runtime.mapping.IntakeRecords;
import dev.subsidy.runtime.mapping.MappedRecord;
import dev.subsidy.runtime.mapping.RecordMapper;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * What a mapping as it is now would make of some partner records, and whether the intake would take
 * each result: the connectors' own mapper (with its sandbox limits) and the intake's own parser (with
 * the gateway's limits and currency rates), so a trial says exactly what a connector would store or
 * reject, and why. Nothing is stored. Thread-safe.
 */
@Component
class MappingTrial {

    private final RecordMapper mapper;
    private final StandardRecordParser parser;
    private final Clock clock;

    MappingTrial(RecordMapper mapper, GatewayProperties properties, RecordLimits limits, Clock clock) {
        this.mapper = mapper;
        this.parser = new StandardRecordParser(properties.currencyRates(), limits);
        this.clock = clock;
    }

    /**
     * One standard record a source record became, or why it became none.
     *
     * @param index the source record's place in the body, from 0 (one source record may give several)
     * @param standard the standard record the mapping gave, or null when it gave none (written as null, not left out:
     *     the administrator sees that the mapping gave nothing)
     * @param reason why it would be rejected, or why nothing would be stored; null when accepted
     */
    record Outcome(int index, @JsonInclude(JsonInclude.Include.ALWAYS) ObjectNode standard, boolean accepted,
            @JsonInclude(JsonInclude.Include.NON_NULL) String reason) {}

    /**
     * @param mapping a mapping that exists and compiles
     * @param params its {@code $params}
     */
    List<Outcome> run(String mapping, Map<String, String> params, List<SourceRecord> records) {
        Instant now = clock.instant();
        List<Outcome> outcomes = new ArrayList<>();
        for (int index = 0; index < records.size(); index++) {
            SourceRecord record = records.get(index);
            // one record at a time: a record the mapping turns into nothing still gets its line
            List<MappedRecord> mapped = mapper.map(mapping, params, List.of(record));
            if (mapped.isEmpty()) {
                outcomes.add(new Outcome(index, null, false, record.position()
                        + ": the mapping gives no standard record for it (nothing to store, as for an order not paid yet)"));
                continue;
            }
            List<BodyRecord> intake = IntakeRecords.of(mapped);
            for (int i = 0; i < mapped.size(); i++) {
                ObjectNode standard = mapped.get(i) instanceof MappedRecord.Standard s ? s.record() : null;
                Object parsed = parser.parse(intake.get(i), now);
                outcomes.add(parsed instanceof Rejection r ? new Outcome(index, standard, false, r.reason())
                        : new Outcome(index, standard, true, null));
            }
        }
        return outcomes;
    }
}
