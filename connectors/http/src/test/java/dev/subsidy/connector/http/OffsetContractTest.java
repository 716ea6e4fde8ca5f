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
import dev.subsidy.connector.testkit.Partner;
import dev.subsidy.connector.testkit.PartnerApi;
import dev.subsidy.connector.testkit.PollLoop;
import dev.subsidy.connector.testkit.PullConnectorContractTest;
import dev.subsidy.connector.testkit.TestRecord;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * {@code http-pull} on an offset/limit API: {@code GET /api/waybills?offset=…&limit=2}, API key in the
 * {@code X-Api-Key} header, records at {@code /items}, the total at {@code /total} (so the last page
 * needs no extra empty call).
 */
class OffsetContractTest extends PullConnectorContractTest {

    private static final String KEY = "offset-key-a71c22";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The waybill list. */
    static final class WaybillsApi implements PartnerApi {
        @Override
        public void serve(Partner partner, List<TestRecord> records) {
            partner.respond(anyCall(), request -> {
                if (!KEY.equals(request.getHeader("X-Api-Key"))) {
                    return aResponse().withStatus(403);
                }
                int offset = Integer.parseInt(request.queryParameter("offset").firstValue());
                int limit = Integer.parseInt(request.queryParameter("limit").firstValue());
                ObjectNode body = JSON.createObjectNode().put("total", records.size());
                ArrayNode items = body.putArray("items");
                records.stream().skip(offset).limit(limit)
                        .forEach(r -> items.addObject().put("id", r.id()).put("billCode", "7310000" + r.id().substring(4)));
                return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body.toString());
            });
        }

        @Override
        public MappingBuilder anyCall() {
            return get(urlPathEqualTo("/api/waybills"));
        }
    }

    private static Map<String, String> waybillSettings(String baseUrl, String key) {
        return Map.of("base_url", baseUrl + "/api/", "path", "/waybills",
                "auth", "api_key", "auth_token", key, "auth_token_name", "X-Api-Key",
                "pagination", "offset", "page_size_param", "limit", "page_size", "2",
                "total_path", "/total", "records_path", "/items");
    }

    @Override
    protected ConnectorProvider provider() {
        return new HttpPullProvider();
    }

    @Override
    protected Map<String, String> settings(String baseUrl) {
        return waybillSettings(baseUrl, KEY);
    }

    @Override
    protected Optional<Map<String, String>> settingsWithWrongCredentials(String baseUrl) {
        return Optional.of(waybillSettings(baseUrl, "revoked-key"));
    }

    @Override
    protected PartnerApi partnerApi() {
        return new WaybillsApi();
    }

    @Test
    void theTotalEndsThePagingWithoutAnEmptyCall() throws Exception {
        partnerApi().serve(partner(), records(6));
        PullConnector connector = start(context(settings(partner().baseUrl())));

        PollLoop.Outcome outcome = PollLoop.toEnd(connector, Checkpoint.NONE, MAX_POLLS);

        assertThat(partner().requests()).extracting(r -> r.queryParameter("offset").firstValue()).containsExactly("0", "2", "4");
        assertThat(outcome.checkpoint()).isEqualTo(Checkpoint.of("offset", "6"));
        assertThat(outcome.records().get(2).position()).isEqualTo("offset 2, item 1");
    }
}
