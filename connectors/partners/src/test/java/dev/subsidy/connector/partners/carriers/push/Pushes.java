package dev.subsidy.connector.partners.carriers.push;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.subsidy.connector.api.ConnectorException;
import dev.subsidy.connector.api.PushConnector;
import dev.subsidy.connector.api.PushRequest;
import dev.subsidy.connector.api.RecordBatch;
import dev.subsidy.connector.api.SourceRecord;
import dev.subsidy.connector.testkit.TestConnectorContext;
import dev.subsidy.mapping.MappingCatalog;
import dev.subsidy.mapping.MappingLoadException;
import dev.subsidy.mapping.MappingResult;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Helpers of the push tests: connectors, requests as carriers send them, and the repository's mappings. */
final class Pushes {

    static final ObjectMapper JSON = new ObjectMapper();
    private static MappingCatalog catalog;

    private Pushes() {
    }

    /** A started trace-push connector. */
    static PushConnector connector(String carrier, String secret) throws ConnectorException {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put(TracePushProvider.CARRIER, carrier);
        if (secret != null) {
            settings.put(TracePushProvider.VERIFY_SECRET, secret);
        }
        TracePushProvider provider = new TracePushProvider();
        assertThat(provider.validate(settings)).as("settings of %s", carrier).isEmpty();
        PushConnector connector = (PushConnector) provider.create();
        connector.start(TestConnectorContext.builder(provider.configDef()).settings(settings).build());
        return connector;
    }

    static PushRequest json(String body, Map<String, String> headers) {
        Map<String, List<String>> h = new LinkedHashMap<>();
        headers.forEach((k, v) -> h.put(k, List.of(v)));
        return new PushRequest("application/json;charset=UTF-8", h, Map.of(), body.getBytes(StandardCharsets.UTF_8));
    }

    static PushRequest form(Map<String, String> fields, Map<String, String> headers) {
        String body = fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        Map<String, List<String>> h = new LinkedHashMap<>();
        headers.forEach((k, v) -> h.put(k, List.of(v)));
        return new PushRequest("application/x-www-form-urlencoded;charset=UTF-8", h, Map.of(), body.getBytes(StandardCharsets.UTF_8));
    }

    /** Each record mapped by the mapping: the shipments, or the rejection's reason as {"rejected": …}. */
    static List<JsonNode> mapped(String mapping, RecordBatch batch) throws MappingLoadException {
        if (catalog == null) {
            catalog = MappingCatalog.load(Path.of("../../mappings"));
        }
        return batch.records().stream().map(r -> {
            MappingResult result = catalog.get(mapping).apply(r);
            if (result instanceof MappingResult.Rejected rejected) {
                return (JsonNode) JSON.createObjectNode().put("rejected", rejected.reason());
            }
            return (JsonNode) JSON.createArrayNode().addAll(((MappingResult.Mapped) result).records());
        }).toList();
    }

    static JsonNode tree(String json) {
        try {
            return JSON.readTree(json);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    static void assertSameJson(JsonNode actual, String expected) {
        JsonNode want = tree(expected);
        assertThat(actual.equals(NUMBERS_BY_VALUE, want)).as("%s%nexpected %s", actual, want).isTrue();
    }

    static List<String> positions(RecordBatch batch) {
        return batch.records().stream().map(SourceRecord::position).toList();
    }

    private static final Comparator<JsonNode> NUMBERS_BY_VALUE = (a, b) -> {
        if (a.isNumber() && b.isNumber()) {
            return new BigDecimal(a.asText()).compareTo(new BigDecimal(b.asText()));
        }
        return a.equals(b) ? 0 : 1;
    };
}
