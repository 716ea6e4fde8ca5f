package dev.subsidy.connector.partners.carriers.push;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.subsidy.connector.api.ConnectorContext;
import dev.subsidy.connector.api.ConnectorException;
import dev.subsidy.connector.api.ConnectorException.Reason;
import dev.subsidy.connector.api.PushConnector;
import dev.subsidy.connector.api.PushReply;
import dev.subsidy.connector.api.PushRequest;
import dev.subsidy.connector.api.RecordBatch;
import dev.subsidy.connector.api.Secret;
import dev.subsidy.connector.partners.carriers.Carrier;
import java.io.IOException;
import java.util.Optional;

/**
 * The {@code trace-push} connector (see {@link TracePushProvider}). Keeps no state between pushes
 * beyond its settings, so {@link #receive} is safe from many threads at once and gives the same
 * records for the same push (carriers resend on time-outs).
 */
final class TracePushConnector implements PushConnector {

    private static final ObjectMapper JSON = JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

    private Carrier carrier;
    private PushFormat format;
    private Optional<Secret> secret = Optional.empty();

    @Override
    public void start(ConnectorContext context) throws ConnectorException {
        carrier = Carrier.named(context.config().getString(TracePushProvider.CARRIER))
                .orElseThrow(() -> new ConnectorException(Reason.CONFIGURATION, "unknown carrier; one of " + Carrier.names()));
        format = PushFormat.of(carrier);
        secret = context.config().secret(TracePushProvider.VERIFY_SECRET).filter(s -> !s.isEmpty());
        if (format.verifierRequired() && secret.isEmpty()) {
            throw new ConnectorException(Reason.CONFIGURATION, carrier.settingName() + " signs its pushes: verify_secret is required");
        }
    }

    @Override
    public RecordBatch receive(PushRequest request) throws ConnectorException {
        if (secret.isPresent() && format.verifier().isPresent()) {
            format.verifier().get().verify(request, secret.get());
        }
        String payload = format.formField().isPresent()
                ? PushForm.fields(request).get(format.formField().get())
                : request.bodyText();
        if (payload == null || payload.isBlank()) {
            throw new ConnectorException(Reason.BAD_PAYLOAD, carrier.settingName() + " push without "
                    + format.formField().map(f -> "its " + f + " field").orElse("a body"));
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
