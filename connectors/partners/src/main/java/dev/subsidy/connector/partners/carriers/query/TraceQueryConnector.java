package dev.subsidy.connector.partners.carriers.query;

import static dev.subsidy.connector.partners.carriers.query.TraceQuerySettings.*;

import dev.subsidy.connector.api.Checkpoint;
import dev.subsidy.connector.api.ConnectorConfig;
import dev.subsidy.connector.api.ConnectorContext;
import dev.subsidy.connector.api.ConnectorException;
import dev.subsidy.connector.api.ConnectorException.Reason;
import dev.subsidy.connector.api.HttpReply;
import dev.subsidy.connector.api.PullConnector;
import dev.subsidy.connector.api.RecordBatch;
import dev.subsidy.connector.api.RequestSigner;
import dev.subsidy.connector.api.SourceRecord;
import dev.subsidy.connector.partners.carriers.CarrierApi;
import java.io.IOException;
import java.net.URI;
import java.util.List;

/**
 * The {@code trace-query} connector: asks the carrier about the definition's waybills, a batch per
 * poll, and returns one record per waybill that has scans.
 *
 * <p>The checkpoint is {@code next}: the position in the waybill list of the first waybill not asked
 * about yet. A poll repeated from the same checkpoint asks about the same batch again (traces only
 * grow, so the records are the same or newer versions). After the last batch the connector has
 * nothing new; an operator's re-run from the start asks again.
 */
final class TraceQueryConnector implements PullConnector {

    static final String NEXT = "next";

    private volatile boolean stopped;
    private ConnectorContext context;
    private QueryProtocol protocol;
    private String carrierName;
    private URI endpoint;
    private List<String> waybills;
    private int batchSize;
    private ErrorCodes codes;
    private RequestSigner signer;
    private Attempts attempts;

    @Override
    public void start(ConnectorContext ctx) throws ConnectorException {
        this.context = ctx;
        ConnectorConfig c = ctx.config();
        CarrierApi carrier = CarrierApi.named(c.getString(CARRIER))
                .orElseThrow(() -> new ConnectorException(Reason.CONFIGURATION, "unknown carrier; one of " + CarrierApi.names()));
        this.carrierName = carrier.settingName();
        this.protocol = QueryProtocol.of(carrier);
        String base = c.getString(BASE_URL).trim().replaceAll("/+$", "");
        this.endpoint = URI.create(base + c.find(PATH).orElse(protocol.defaultPath(c.getString(APP_KEY))));
        this.waybills = c.getList(WAYBILLS);
        this.batchSize = Math.min(c.find(BATCH_SIZE).map(v -> Integer.parseInt(v.trim())).orElse(protocol.maxPerCall()), protocol.maxPerCall());
        this.codes = protocol.defaultCodes().overriddenBy(c.getList(UNAUTHORIZED_CODES), c.getList(RATE_LIMITED_CODES), c.getList(TRANSIENT_CODES));
        try {
            this.signer = ctx.signer(protocol.signerName());
        } catch (IllegalArgumentException e) {
            throw new ConnectorException(Reason.CONFIGURATION, e.getMessage());
        }
        this.attempts = new Attempts(c.getInt(RETRY_MAX_ATTEMPTS), c.getDuration(RETRY_INITIAL_BACKOFF), c.getDuration(RETRY_MAX_WAIT),
                ctx, () -> stopped);
    }

    @Override
    public RecordBatch poll(Checkpoint from) throws ConnectorException, InterruptedException {
        int next = from.get(NEXT).map(TraceQueryConnector::position).orElse(0);
        if (next >= waybills.size()) {
            return RecordBatch.nothingNew(from);
        }
        List<String> batch = waybills.subList(next, Math.min(next + batchSize, waybills.size()));
        List<SourceRecord> records = attempts.call(() -> ask(batch));
        int after = next + batch.size();
        return new RecordBatch(records, Checkpoint.of(NEXT, Integer.toString(after)), after < waybills.size());
    }

    private List<SourceRecord> ask(List<String> batch) throws ConnectorException, InterruptedException {
        ConnectorConfig c = context.config();
        QueryCall call = new QueryCall(endpoint, c.getString(APP_KEY), context.secret(APP_SECRET), c.secret(ACCESS_TOKEN),
                c.find(COMPANY).orElse(null), c.find(PHONE).orElse(null), batch, context.clock().instant(), signer);
        HttpReply reply;
        try {
            reply = context.http().send(protocol.request(call));
        } catch (IOException e) {
            throw new ConnectorException(Reason.TRANSIENT, carrierName + " trace API unreachable: " + e.getMessage(), e);
        }
        return protocol.records(call, Replies.read(carrierName, reply, context.clock()), codes);
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
        return "TraceQueryConnector[" + carrierName + " " + (endpoint == null ? "" : endpoint.getHost()) + "]";
    }
}
