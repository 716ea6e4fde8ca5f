package dev.subsidy.gateway.connectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.subsidy.connector.api.Checkpoint;
import dev.subsidy.connector.api.ConnectorContext;
import dev.subsidy.connector.api.ConnectorException;
import dev.subsidy.connector.api.HttpCall;
import dev.subsidy.connector.api.HttpReply;
import dev.subsidy.connector.api.PullConnector;
import dev.subsidy.connector.api.RecordBatch;
import dev.subsidy.connector.api.SourceRecord;
import java.io.IOException;
import java.net.URI;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The {@code test-pull} connector: one page per poll, the cursor in the checkpoint. */
final class TestPullConnector implements PullConnector {

    private final ObjectMapper json = new ObjectMapper();
    private ConnectorContext context;

    @Override
    public void start(ConnectorContext context) {
        this.context = context;
    }

    @Override
    public RecordBatch poll(Checkpoint from) throws ConnectorException, InterruptedException {
        String cursor = from.get("cursor").orElse("0");
        URI uri = URI.create(context.config().getString("base_url").replaceAll("/+$", "") + "/records?cursor=" + cursor
                + "&size=" + context.config().getInt("page_size"));
        String key = context.secret("api_key").reveal();
        HttpReply reply;
        try {
            reply = context.http().send(new HttpCall("GET", uri, Map.of("X-Api-Key", List.of(key)), null));
        } catch (IOException e) {
            throw new ConnectorException(ConnectorException.Reason.TRANSIENT, "cannot reach the partner: " + e.getMessage(), e);
        }
        String leak = context.config().getBoolean("leak_secret_in_errors") ? " (sent key " + key + ")" : "";
        if (reply.status() == 429) {
            throw ConnectorException.rateLimited("partner rate limit" + leak, reply.retryAfter(ZonedDateTime.now(context.clock())).orElse(null));
        }
        if (reply.status() == 401) {
            throw new ConnectorException(ConnectorException.Reason.UNAUTHORIZED, "partner refused the key" + leak);
        }
        if (!reply.isSuccess()) {
            throw new ConnectorException(ConnectorException.Reason.TRANSIENT, "partner answered " + reply.status() + leak);
        }
        try {
            JsonNode page = json.readTree(reply.bodyText());
            List<SourceRecord> records = new ArrayList<>();
            int i = 0;
            for (JsonNode r : page.path("records")) {
                records.add(SourceRecord.json("cursor " + cursor + ", item " + (++i), r.toString()));
            }
            Checkpoint next = Checkpoint.of("cursor", page.path("next").asText(cursor));
            return new RecordBatch(records, next, page.path("more").asBoolean(false));
        } catch (IOException e) {
            throw new ConnectorException(ConnectorException.Reason.BAD_PAYLOAD, "reply is not JSON", e);
        }
    }

    @Override
    public void stop() {
        // nothing held: the transport is the gateway's
    }
}
