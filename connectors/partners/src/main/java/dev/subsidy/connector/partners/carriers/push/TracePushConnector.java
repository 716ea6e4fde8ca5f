package dev.subsidy.connector.partners.carriers.push;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.subsidy.connector.api.ConnectorContext;
import dev.subsidy.connector.api.ConnectorException;
import dev.subsidy.connector.api.ConnectorException.Reason;
import dev.subsidy.connector.api.PushConnector;
import dev.subsidy.connector.api.PushReply;
import dev.subsidy.connector.api.PushRequest;
import dev.subsidy.connector.api.RecordBatch;
import dev.subsidy.connector.api.Secret;
import dev.subsidy.connector.partners.carriers.CarrierApi;
import java.io.IOException;
import java.util.Optional;

/**
 * The {@code trace-push} connector (see {@link TracePushProvider}). Keeps no state between pushes
 * beyond its settings, so {@link #receive} is safe from many threads at once and gives the same
 * records for the same push (carriers resend on time-outs).
 */
final class TracePushConnector implements PushConnector {

    private static final ObjectMapper JSON = JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

    private static final System.Logger LOG = System.getLogger(TracePushConnector.class.getName());

    private CarrierApi carrier;
    private PushFormat format;
    /** The check every push passes, or empty when the carrier's pushes are not verified. */
    private Optional<PushVerifier> verifier = Optional.empty();
    private Secret secret = Secret.of("");

    @Override
    public void start(ConnectorContext context) throws ConnectorException {
        carrier = CarrierApi.named(context.config().getString(TracePushProvider.CARRIER))
                .orElseThrow(() -> new ConnectorException(Reason.CONFIGURATION, "unknown carrier; one of " + CarrierApi.names()));
        format = PushFormat.of(carrier);
        Optional<Secret> given = context.config().secret(TracePushProvider.VERIFY_SECRET).filter(s -> !s.isEmpty());
        boolean unsigned = context.config().getBoolean(TracePushProvider.UNSIGNED);
        if (unsigned) {
            if (carrier != CarrierApi.KUAIDI100 || given.isPresent()) {
                throw new ConnectorException(Reason.CONFIGURATION, TracePushProvider.UNSIGNED_MISUSE);
            }
            verifier = Optional.of(PushVerifier.kuaidi100Unsigned());
            LOG.log(System.Logger.Level.WARNING, "connector {0}: kuaidi100 pushes are unsigned (subscription without a salt): "
                    + "only the feeder token authenticates them; a sign, when sent, is checked as MD5(param)", context.connectorId());
            return;
        }
        if (format.verifierRequired() && given.isEmpty()) {
            throw new ConnectorException(Reason.CONFIGURATION, carrier.settingName() + " signs its pushes: verify_secret is required");
        }
        if (given.isPresent()) {
            verifier = format.verifier();
            secret = given.get();
        }
    }

    @Override
    public RecordBatch receive(PushRequest request) throws ConnectorException {
        String payload = format.payload(request);
        // the payload is read as UTF-8 (the body, or a form field's decoded bytes), which puts U+FFFD where
        // bytes are not UTF-8: a push in GBK would otherwise become records of garbled text, or a
        // signature refusal that hides the real fault
        if (payload != null && payload.indexOf('\uFFFD') >= 0) {
            throw new ConnectorException(Reason.BAD_PAYLOAD, carrier.settingName() + " push is not UTF-8 text at character "
                    + (payload.indexOf('\uFFFD') + 1) + " of " + format.payloadPlace() + ": the carrier must send UTF-8");
        }
        if (verifier.isPresent()) {
            verifier.get().verify(request, secret);
        }
        if (payload == null || payload.isBlank()) {
            throw new ConnectorException(Reason.BAD_PAYLOAD, carrier.settingName() + " push without " + format.payloadPlace());
        }
        JsonNode push;
        try {
            push = JSON.readTree(payload);
        } catch (IOException | NumberFormatException e) { // Jackson refuses 1.5e4033… with a NumberFormatException
            throw new ConnectorException(Reason.BAD_PAYLOAD, carrier.settingName() + " push is not JSON", e);
        }
        if (push == null || !push.isContainerNode()) {
            throw new ConnectorException(Reason.BAD_PAYLOAD, carrier.settingName() + " push is not a JSON object or list");
        }
        return RecordBatch.of(format.splitter().split(push));
    }

    @Override
    public PushReply acknowledge(PushRequest request, RecordBatch stored) {
        return PushReply.json(format.acknowledgement());
    }

    @Override
    public void stop() {
        // nothing held
    }

    @Override
    public String toString() {
        return "TracePushConnector[" + (carrier == null ? "unstarted" : carrier.settingName()) + "]";
    }
}
