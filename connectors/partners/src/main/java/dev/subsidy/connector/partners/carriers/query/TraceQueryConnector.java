package dev.subsidy.connector.partners.carriers.query;

import static dev.subsidy.connector.partners.carriers.query.TraceQuerySettings.WAYBILLS;

import dev.subsidy.connector.api.Checkpoint;
import dev.subsidy.connector.api.ConnectorContext;
import dev.subsidy.connector.api.ConnectorException;
import dev.subsidy.connector.api.PullConnector;
import dev.subsidy.connector.api.RecordBatch;
import dev.subsidy.connector.api.SourceRecord;
import java.util.List;
import java.util.Map;

/**
 * The {@code trace-query} connector: asks the carrier about the definition's waybills, a batch per
 * poll, and returns one record per waybill that has scans. The asking is {@link TraceLookup}'s, which
 * the gateway's trace verification uses too.
 *
 * <p>The checkpoint is {@code next}: the position in the waybill list of the first waybill not asked
 * about yet. A poll repeated from the same checkpoint asks about the same batch again (traces only
 * grow, so the records are the same or newer versions). After the last batch the connector has
 * nothing new; an operator's re-run from the start asks again. A definition without waybills (one kept
 * for trace verification only) never calls the carrier on its own.
 */
final class TraceQueryConnector implements PullConnector {

    static final String NEXT = "next";

    private volatile boolean stopped;
    private TraceLookup lookup;
    private List<String> waybills;

    @Override
    public void start(ConnectorContext ctx) throws ConnectorException {
        this.lookup = TraceLookup.of(ctx, () -> stopped);
        this.waybills = ctx.config().getList(WAYBILLS);
    }

    @Override
    public RecordBatch poll(Checkpoint from) throws ConnectorException, InterruptedException {
        int next = from.get(NEXT).map(TraceQueryConnector::position).orElse(0);
        if (next >= waybills.size()) {
            return RecordBatch.nothingNew(from);
        }
        List<String> batch = waybills.subList(next, Math.min(next + lookup.batchSize(), waybills.size()));
        List<SourceRecord> records = lookup.askWithRetries(batch);
        int after = next + batch.size();
        return new RecordBatch(records, Checkpoint.of(NEXT, Integer.toString(after)), after < waybills.size());
    }

    @Override
    public void checkCheckpoint(Checkpoint checkpoint) throws ConnectorException {
        for (Map.Entry<String, String> e : checkpoint.asMap().entrySet()) {
            if (!NEXT.equals(e.getKey())) {
                throw new ConnectorException(ConnectorException.Reason.CONFIGURATION,
                        "checkpoint holds only '" + NEXT + "' (the position in the waybill list), not '" + e.getKey() + "'");
            }
            int next;
            try {
                next = Integer.parseInt(e.getValue());
            } catch (NumberFormatException notANumber) {
                next = -1;
            }
            if (next < 0 || next > waybills.size()) {
                throw new ConnectorException(ConnectorException.Reason.CONFIGURATION, "checkpoint '" + NEXT
                        + "' is a position from 0 to " + waybills.size() + " in the waybill list, not '" + e.getValue() + "'");
            }
        }
    }

    private static int position(String text) {
        try {
            return Math.max(0, Integer.parseInt(text));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    @Override
    public void stop() {
        stopped = true;
    }

    @Override
    public String toString() {
        return "TraceQueryConnector[" + (lookup == null ? "" : lookup) + "]";
    }
}
