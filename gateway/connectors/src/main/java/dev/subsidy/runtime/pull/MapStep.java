package dev.subsidy.runtime.pull;

import dev.subsidy.connector.api.RecordBatch;
import dev.subsidy.runtime.ConnectorInstance;
import dev.subsidy.runtime.definition.ConnectorDefinition;
import dev.subsidy.runtime.mapping.IntakeRecords;
import dev.subsidy.runtime.mapping.RecordMapper;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

/** Maps the whole batch through the definition's mapping; a record that does not map is rejected alone. */
final class MapStep implements Processor {

    private final RecordMapper mapper;

    MapStep(RecordMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public void process(Exchange exchange) {
        ConnectorInstance instance = exchange.getProperty(ConnectorHeaders.INSTANCE, ConnectorInstance.class);
        RecordBatch batch = exchange.getProperty(ConnectorHeaders.BATCH, RecordBatch.class);
        ConnectorDefinition d = instance.definition();
        exchange.setProperty(ConnectorHeaders.RECORDS,
                IntakeRecords.of(mapper.map(d.effectiveMapping(), d.mappingParams(), batch.records())));
    }
}
