package dev.subsidy.connector.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.subsidy.connector.api.Checkpoint;
import dev.subsidy.connector.api.PullConnector;
import dev.subsidy.connector.testkit.Partner;
import dev.subsidy.connector.testkit.PollLoop;
import dev.subsidy.connector.testkit.TestClock;
import dev.subsidy.connector.testkit.TestConnectorContext;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Pagination nested in windows, with records and paging facts nested in the reply: every page of
 * every window is read (Airbyte's declarative connectors read only the first page of each slice).
 */
class NestedPaginationTest {

    private static final Instant NOW = Instant.parse("2026-03-02T04:00:00Z");

    @RegisterExtension
    final Partner partner = new Partner();

    private final TestClock clock = TestClock.at(NOW);
    private PullConnector connector;

    @AfterEach
    void stop() {
        if (connector != null) {
            connector.stop();
        }
        assertThat(partner.responderFailures()).isEmpty();
    }

    /** Three 2-hour windows with five orders each: three pages of 2 per window. */
    private List<String> serveFifteenOrders() {
        OrdersApi api = new OrdersApi(clock);
        List<String> ids = new ArrayList<>();
        for (int w = 0; w < 3; w++) {
            for (int i = 0; i < 5; i++) {
                String id = "w" + w + "-o" + i;
                ids.add(id);
                api.add(id, NOW.minus(Duration.ofHours(6 - 2L * w)).plus(Duration.ofMinutes(10 + 20L * i)));
            }
        }
        api.serveOn(partner);
        return ids;
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "has_next flag,       has_next_path,    /data/page_info/has_next, forward",
            "total pages,         total_pages_path, /data/page_info/total_pages, forward",
            "empty page,          ,                 ,                          forward",
            "backward from total, total_pages_path, /data/page_info/total_pages, backward"})
    void readsEveryPageOfEveryWindow(String name, String endSetting, String endPath, String order) throws Exception {
        List<String> ids = serveFifteenOrders();
        Map<String, String> settings = OrdersApi.settings(partner.baseUrl(), NOW.minus(Duration.ofHours(6)), "2h", "0s");
        settings.remove("has_next_path");
        if (endSetting != null) {
            settings.put(endSetting, endPath);
        }
        settings.put("page_order", order);
        connector = (PullConnector) new HttpPullProvider().create();
        connector.start(TestConnectorContext.builder(HttpPullSettings.CONFIG_DEF).settings(settings).clock(clock).build());

        PollLoop.Outcome outcome = PollLoop.toEnd(connector, Checkpoint.NONE, 50);

        assertThat(outcome.records()).extracting(r -> ((dev.subsidy.connector.api.SourceRecord.Json) r).json())
                .hasSize(15)
                .allSatisfy(json -> assertThat(ids).anyMatch(id -> json.contains("\"" + id + "\"")));
        Map<String, List<String>> pagesByWindow = partner.requests().stream().collect(Collectors.groupingBy(
                r -> r.queryParameter("from").firstValue(), LinkedHashMap::new,
                Collectors.mapping(NestedPaginationTest::page, Collectors.toList())));
        assertThat(pagesByWindow).hasSize(3);
        List<String> expected = switch (name) {
            case "empty page" -> List.of("1", "2", "3", "4");
            case "backward from total" -> List.of("1", "3", "2", "1");
            default -> List.of("1", "2", "3");
        };
        assertThat(pagesByWindow.values()).as("pages asked in each window").allSatisfy(pages -> assertThat(pages).isEqualTo(expected));
    }

    private static String page(LoggedRequest r) {
        return r.queryParameter("page").firstValue();
    }
}
