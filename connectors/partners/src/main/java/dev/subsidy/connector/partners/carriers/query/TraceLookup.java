package dev.subsidy.connector.partners.carriers.query;

import static dev.subsidy.connector.partners.carriers.query.TraceQuerySettings.*;

import dev.subsidy.connector.api.ConnectorConfig;
import dev.subsidy.connector.api.ConnectorContext;
import dev.subsidy.connector.api.ConnectorException;
import dev.subsidy.connector.api.ConnectorException.Reason;
import dev.subsidy.connector.api.HttpReply;
import dev.subsidy.connector.api.RequestSigner;
import dev.subsidy.connector.api.SourceRecord;
import dev.subsidy.connector.partners.carriers.CarrierApi;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * A carrier's trace query asked for given waybills, by the gateway itself (trace verification,
 * docs/verification.md "Trace verification") or by the {@code trace-query} connector: the settings of a
 * {@code trace-query} definition, the carrier's {@link QueryProtocol}, batches of at most what the carrier
 * answers per call, and retries of a passing fault or the carrier's rate-limit error ({@link Attempts}).
 * Every call goes through the context's transport, so the definition's {@code rateLimit} holds for the
 * gateway's questions as for the connector's polls.
 *
 * <p>Thread-safe as far as its context is: it keeps no state between lookups.
 */
public final class TraceLookup {

    /** What the carrier said about one waybill. */
    public sealed interface Answer {

        String waybill();

        /** The carrier's trace, in the shape the definition's mapping reads. */
        record Traced(String waybill, SourceRecord trace) implements Answer {}

        /** The carrier answered and knows no scan of the waybill. */
        record Unknown(String waybill) implements Answer {}

        /** The carrier could not be asked or did not answer usefully: nothing is known either way. */
        record Failed(String waybill, Reason reason, String message) implements Answer {}
    }

    /** Failures after which asking further waybills cannot succeed: they are not asked. */
    private static final Set<Reason> HOPELESS = Set.of(Reason.UNAUTHORIZED, Reason.CONFIGURATION, Reason.RATE_LIMITED);

    private final ConnectorContext context;
    private final CarrierApi carrier;
    private final QueryProtocol protocol;
    private final URI endpoint;
    private final int batchSize;
    private final ErrorCodes codes;
    private final RequestSigner signer;
    private final Attempts attempts;

    private TraceLookup(ConnectorContext context, CarrierApi carrier, QueryProtocol protocol, URI endpoint, int batchSize,
                        ErrorCodes codes, RequestSigner signer, Attempts attempts) {
        this.context = context;
        this.carrier = carrier;
        this.protocol = protocol;
        this.endpoint = endpoint;
        this.batchSize = batchSize;
        this.codes = codes;
        this.signer = signer;
        this.attempts = attempts;
    }

    /**
     * The lookup of a {@code trace-query} definition's resolved settings.
     *
     * @param stopped true once the caller gives up: a retry's wait then ends the lookup
     * @throws ConnectorException {@link Reason#CONFIGURATION} when the settings name no carrier or an unknown signer
     */
    public static TraceLookup of(ConnectorContext context, BooleanSupplier stopped) throws ConnectorException {
        ConnectorConfig c = context.config();
        CarrierApi carrier = CarrierApi.named(c.getString(CARRIER))
                .orElseThrow(() -> new ConnectorException(Reason.CONFIGURATION, "unknown carrier; one of " + CarrierApi.names()));
        QueryProtocol protocol = QueryProtocol.of(carrier);
        String base = c.getString(BASE_URL).trim().replaceAll("/+$", "");
        URI endpoint = URI.create(base + c.find(PATH).orElse(protocol.defaultPath(c.getString(APP_KEY))));
        int batchSize = Math.min(c.find(BATCH_SIZE).map(v -> Integer.parseInt(v.trim())).orElse(protocol.maxPerCall()),
                protocol.maxPerCall());
        ErrorCodes codes = protocol.defaultCodes().overriddenBy(c.getList(UNAUTHORIZED_CODES), c.getList(RATE_LIMITED_CODES),
                c.getList(TRANSIENT_CODES));
        RequestSigner signer;
        try {
            signer = context.signer(protocol.signerName());
        } catch (IllegalArgumentException e) {
            throw new ConnectorException(Reason.CONFIGURATION, e.getMessage());
        }
        Attempts attempts = new Attempts(c.getInt(RETRY_MAX_ATTEMPTS), c.getDuration(RETRY_INITIAL_BACKOFF),
                c.getDuration(RETRY_MAX_WAIT), context, stopped);
        return new TraceLookup(context, carrier, protocol, endpoint, batchSize, codes, signer, attempts);
    }

    /** The carrier asked. */
    public CarrierApi carrier() {
        return carrier;
    }

    /** Waybills per call: the definition's {@code batch_size}, at most what the carrier answers. */
    public int batchSize() {
        return batchSize;
    }

    /**
     * The carrier's answer for each waybill, in the order given, a call per batch. A batch that fails
     * (after its retries) fails its waybills with the reason; after a refused credential, a wrong
     * configuration or a rate limit that persists, the waybills not asked yet fail with it too, unasked.
     *
     * @throws InterruptedException when the caller stopped or the thread was interrupted
     */
    public List<Answer> lookup(List<String> waybills) throws InterruptedException {
        List<Answer> answers = new ArrayList<>(waybills.size());
        ConnectorException hopeless = null;
        for (int from = 0; from < waybills.size(); from += batchSize) {
            List<String> batch = waybills.subList(from, Math.min(from + batchSize, waybills.size()));
            if (hopeless != null) {
                for (String w : batch) {
                    answers.add(new Answer.Failed(w, hopeless.reason(), "not asked: " + hopeless.getMessage()));
                }
                continue;
            }
            try {
                Map<String, SourceRecord> traced = byWaybill(attempts.call(() -> ask(batch)));
                for (String w : batch) {
                    SourceRecord trace = traced.get(key(w));
                    answers.add(trace == null ? new Answer.Unknown(w) : new Answer.Traced(w, trace));
                }
            } catch (ConnectorException e) {
                for (String w : batch) {
                    answers.add(new Answer.Failed(w, e.reason(), e.getMessage()));
                }
                if (HOPELESS.contains(e.reason())) {
                    hopeless = e;
                }
            }
        }
        return answers;
    }

    /**
     * One batch, with retries: the records of the waybills that have scans.
     *
     * @throws ConnectorException the last failure, when the retries did not help
     */
    List<SourceRecord> askWithRetries(List<String> batch) throws ConnectorException, InterruptedException {
        return attempts.call(() -> ask(batch));
    }

    private List<SourceRecord> ask(List<String> batch) throws ConnectorException, InterruptedException {
        ConnectorConfig c = context.config();
        QueryCall call = new QueryCall(endpoint, c.getString(APP_KEY), context.secret(APP_SECRET), c.secret(ACCESS_TOKEN),
                c.find(COMPANY).orElse(null), c.find(PHONE).orElse(null), batch, context.clock().instant(), signer);
        HttpReply reply;
        try {
            reply = context.http().send(protocol.request(call));
        } catch (IOException e) {
            throw new ConnectorException(Reason.TRANSIENT, carrier.settingName() + " trace API unreachable: " + e.getMessage(), e);
        }
        return protocol.records(call, Replies.read(carrier.settingName(), reply, context.clock()), codes);
    }

    /** Records by their waybill ("waybill &lt;number&gt;"), as the carrier may write the number in another case. */
    private static Map<String, SourceRecord> byWaybill(List<SourceRecord> records) {
        Map<String, SourceRecord> byKey = new HashMap<>();
        for (SourceRecord r : records) {
            String position = r.position();
            if (position.startsWith(Replies.POSITION)) {
                byKey.putIfAbsent(key(position.substring(Replies.POSITION.length())), r);
            }
        }
        return byKey;
    }

    private static String key(String waybill) {
        return waybill.trim().toUpperCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return "TraceLookup[" + carrier.settingName() + " " + endpoint.getHost() + "]";
    }
}
