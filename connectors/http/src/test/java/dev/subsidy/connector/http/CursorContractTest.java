package dev.subsidy.connector.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import dev.subsidy.connector.api.Checkpoint;
import dev.subsidy.connector.api.ConnectorProvider;
import dev.subsidy.connector.api.PullConnector;
import dev.subsidy.connector.api.RecordBatch;
import dev.subsidy.connector.testkit.Partner;
import dev.subsidy.connector.testkit.PartnerApi;
import dev.subsidy.connector.testkit.PollLoop;
import dev.subsidy.connector.testkit.PullConnectorContractTest;
import dev.subsidy.connector.testkit.TestRecord;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * {@code http-pull} on a cursor API without time windows: {@code GET /v1/events?cursor=…&limit=2},
 * bearer token, records at {@code /data/events}, next cursor at {@code /data/next_cursor} (absent on
 * the last page). A list that only grows: after its end, a later poll returns only what was appended.
 */
class CursorContractTest extends PullConnectorContractTest {

    private static final String TOKEN = "cursor-bearer-0d9b7e";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The events API; the cursor encodes the index of the next event. */
    static final class EventsApi implements PartnerApi {
        @Override
        public void serve(Partner partner, List<TestRecord> records) {
            partner.respond(anyCall(), request -> {
                if (!("Bearer " + TOKEN).equals(request.getHeader("Authorization"))) {
                    return aResponse().withStatus(401).withBody("{\"error\":\"invalid_token\"}");
                }
                String cursor = request.queryParameter("cursor").isPresent() ? request.queryParameter("cursor").firstValue() : null;
                int from = cursor == null ? 0 : Integer.parseInt(new String(Base64.getUrlDecoder().decode(cursor)).substring("idx:".length()));
                int limit = Integer.parseInt(request.queryParameter("limit").firstValue());
                int to = Math.min(records.size(), from + limit);
                ObjectNode body = JSON.createObjectNode();
                ObjectNode data = body.putObject("data");
                ArrayNode events = data.putArray("events");
                for (int i = from; i < to; i++) {
                    events.addObject().put("id", records.get(i).id()).put("at", records.get(i).modified().toString());
                }
                if (to < records.size()) {
                    data.put("next_cursor", Base64.getUrlEncoder().encodeToString(("idx:" + to).getBytes()));
                }
                return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body.toString());
            });
        }

        @Override
        public MappingBuilder anyCall() {
            return get(urlPathEqualTo("/v1/events"));
        }
    }

    private static Map<String, String> eventSettings(String baseUrl, String token) {
        return Map.of("base_url", baseUrl + "/v1", "path", "events",
                "auth", "bearer", "auth_token", token,
                "pagination", "cursor", "cursor_param", "cursor", "page_size_param", "limit", "page_size", "2",
                "next_cursor_path", "/data/next_cursor", "records_path", "/data/events");
    }

    @Override
    protected ConnectorProvider provider() {
        return new HttpPullProvider();
    }

    @Override
    protected Map<String, String> settings(String baseUrl) {
        return eventSettings(baseUrl, TOKEN);
    }

    @Override
    protected Optional<Map<String, String>> settingsWithWrongCredentials(String baseUrl) {
        return Optional.of(eventSettings(baseUrl, "expired-token"));
    }

    @Override
    protected PartnerApi partnerApi() {
        return new EventsApi();
    }

    @Test
    void afterTheEndOnlyAppendedRecordsAreRead() throws Exception {
        List<TestRecord> records = new CopyOnWriteArrayList<>(records(3));
        partnerApi().serve(partner(), records);
        PullConnector connector = start(context(settings(partner().baseUrl())));
        PollLoop.Outcome first = PollLoop.toEnd(connector, Checkpoint.NONE, MAX_POLLS);
        assertThat(ids(first.records())).containsExactly("rec-01", "rec-02", "rec-03");
        assertThat(first.checkpoint().asMap()).as("the last cursor, with its page's delivered item").containsKeys("cursor", "skip");

        records.add(new TestRecord("rec-04", now()));
        records.add(new TestRecord("rec-05", now()));
        records.add(new TestRecord("rec-06", now()));
        List<String> later = new ArrayList<>();
        Checkpoint checkpoint = first.checkpoint();
        RecordBatch batch;
        do {
            batch = connector.poll(checkpoint);
            later.addAll(ids(batch.records()));
            checkpoint = batch.checkpoint();
        } while (batch.hasMore());

        assertThat(later).containsExactly("rec-04", "rec-05", "rec-06");
    }
}
