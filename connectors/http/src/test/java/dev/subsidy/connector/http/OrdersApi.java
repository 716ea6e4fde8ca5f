package dev.subsidy.connector.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.subsidy.connector.testkit.Partner;
import dev.subsidy.connector.testkit.TestClock;
import dev.subsidy.connector.testkit.TestRecord;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A windowed orders API for the window and paging tests: {@code GET /orders?from=ISO&to=ISO&page=N&page_size=M},
 * records nested at {@code /data/orders}, paging facts nested at {@code /data/page_info}. An order can be
 * indexed late: the partner shows it only once the test clock reaches its {@code visibleAt}, as
 * marketplaces do under load.
 */
final class OrdersApi {

    static final String PATH = "/orders";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** An order and when the partner starts showing it. */
    record Order(TestRecord record, Instant visibleAt) {
    }

    private final List<Order> orders = new CopyOnWriteArrayList<>();
    private final TestClock clock;

    OrdersApi(TestClock clock) {
        this.clock = clock;
    }

    OrdersApi add(String id, Instant modified) {
        return add(id, modified, modified);
    }

    OrdersApi add(String id, Instant modified, Instant visibleAt) {
        orders.add(new Order(new TestRecord(id, modified), visibleAt));
        return this;
    }

    void serveOn(Partner partner) {
        partner.respond(get(urlPathEqualTo(PATH)), request -> {
            Instant from = Instant.parse(request.queryParameter("from").firstValue());
            Instant to = Instant.parse(request.queryParameter("to").firstValue());
            if (to.isAfter(clock.instant())) {
                throw new AssertionError("a window beyond now: " + to + " > " + clock.instant());
            }
            long page = Long.parseLong(request.queryParameter("page").firstValue());
            int size = Integer.parseInt(request.queryParameter("page_size").firstValue());
            List<TestRecord> visible = orders.stream().filter(o -> !o.visibleAt().isAfter(clock.instant())).map(Order::record).toList();
            List<TestRecord> inWindow = Slices.inWindow(visible, from, to);
            List<TestRecord> slice = Slices.page(inWindow, page, 1, size);
            ObjectNode body = JSON.createObjectNode();
            ObjectNode data = body.putObject("data");
            ArrayNode list = data.putArray("orders");
            slice.forEach(r -> list.addObject().put("id", r.id()).put("modified", r.modified().toString()));
            long pages = (inWindow.size() + size - 1) / size;
            data.putObject("page_info").put("has_next", page < pages).put("total_pages", pages);
            return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body.toString());
        });
    }

    /** Settings for this API: windows from {@code startAt}, pages of 2 read forward until has_next is false. */
    static Map<String, String> settings(String baseUrl, Instant startAt, String windowMax, String lookback) {
        Map<String, String> s = new HashMap<>();
        s.put("base_url", baseUrl);
        s.put("path", PATH);
        s.put("pagination", "page_number");
        s.put("page_size", "2");
        s.put("has_next_path", "/data/page_info/has_next");
        s.put("records_path", "/data/orders");
        s.put("window_start_param", "from");
        s.put("window_end_param", "to");
        s.put("window_start_at", Objects.requireNonNull(startAt).toString().replace("Z", "+00:00"));
        s.put("window_max", windowMax);
        s.put("window_lookback", lookback);
        return s;
    }
}
