package dev.subsidy.connector.reference;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import dev.subsidy.connector.api.Checkpoint;
import dev.subsidy.connector.api.ConnectorProvider;
import dev.subsidy.connector.api.PullConnector;
import dev.subsidy.connector.api.RecordBatch;
import dev.subsidy.connector.api.SourceRecord;
import dev.subsidy.connector.testkit.Partner;
import dev.subsidy.connector.testkit.PartnerApi;
import dev.subsidy.connector.testkit.PullConnectorContractTest;
import dev.subsidy.connector.testkit.TestRecord;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The reference connector against the contract, plus what is particular to it. */
class ReferencePullConnectorTest extends PullConnectorContractTest {

    private static final String TOKEN = "ref-token-5f1c9a";

    /** The JSON Lines API: {@code GET /records?offset=N&limit=M}, bearer token checked. */
    private static final class JsonLinesApi implements PartnerApi {
        @Override
        public void serve(Partner partner, List<TestRecord> records) {
            partner.respond(anyCall(), request -> {
                if (!("Bearer " + TOKEN).equals(request.getHeader("Authorization"))) {
                    return aResponse().withStatus(401);
                }
                int offset = Integer.parseInt(request.queryParameter("offset").firstValue());
                int limit = Integer.parseInt(request.queryParameter("limit").firstValue());
                String body = records.stream().skip(offset).limit(limit)
                        .map(r -> "{\"id\":\"" + r.id() + "\",\"modified\":\"" + r.modified() + "\"}")
                        .collect(Collectors.joining("\n"));
                return aResponse().withStatus(200).withHeader("Content-Type", "application/x-ndjson").withBody(body);
            });
        }

        @Override
        public MappingBuilder anyCall() {
            return get(urlPathEqualTo("/records"));
        }
    }

    @Override
    protected ConnectorProvider provider() {
        return new ReferencePullProvider();
    }

    @Override
    protected Map<String, String> settings(String baseUrl) {
        return Map.of("url", baseUrl + "/records", "page_size", "2", "token", TOKEN);
    }

    @Override
    protected Optional<Map<String, String>> settingsWithWrongCredentials(String baseUrl) {
        return Optional.of(Map.of("url", baseUrl + "/records", "page_size", "2", "token", "not-the-token"));
    }

    @Override
    protected PartnerApi partnerApi() {
        return new JsonLinesApi();
    }

    @Test
    void isFoundByServiceLoaderUnderItsName() {
        assertThat(ServiceLoader.load(ConnectorProvider.class).stream().map(p -> p.get().name()))
                .contains(ReferencePullProvider.NAME);
    }

    @Test
    void aLineThatIsNotAnObjectIsUnreadableWithItsPosition() throws Exception {
        partner().stub(new JsonLinesApi().anyCall().willReturn(aResponse().withStatus(200)
                .withBody("{\"id\":\"a\"}\n[1,2]\n{\"id\":\"c\"}")));
        PullConnector connector = start(context(settings(partner().baseUrl()).entrySet().stream()
                .filter(e -> !e.getKey().equals("page_size"))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue))));

        RecordBatch batch = connector.poll(Checkpoint.NONE);

        assertThat(batch.records()).extracting(SourceRecord::position).containsExactly("item 1", "item 2", "item 3");
        assertThat(batch.records().get(1)).isInstanceOfSatisfying(SourceRecord.Unreadable.class,
                u -> assertThat(u.reason()).isEqualTo("not a JSON object"));
        assertThat(batch.checkpoint()).isEqualTo(Checkpoint.of("offset", "3"));
        assertThat(batch.hasMore()).as("a short page is the end for now").isFalse();
    }
}
