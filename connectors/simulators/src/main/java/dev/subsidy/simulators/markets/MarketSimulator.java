package dev.subsidy.simulators.markets;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Request;
import dev.subsidy.connector.testkit.Partner;
import dev.subsidy.connector.testkit.PartnerApi;
import dev.subsidy.connector.testkit.TestRecord;
import dev.subsidy.simulators.SimulatorServer;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A simulated marketplace order API on WireMock: what every platform's simulator shares. Each call
 * is checked as the platform checks it (signature, token, timestamp: {@link #authenticate}), then
 * against the app's call limit, then answered from the held orders ({@link #answer}: windows,
 * paging, the platform's reply shape). Refusals carry the platform's own error body, always with
 * HTTP 200 as these gateways answer, and are recorded so a test can see which ones happened.
 *
 * <p>The clock is the test's, so windows, timestamps and call limits follow the connector's waits
 * (the demo passes the system clock). Filled before the connector polls and read-only after, so
 * WireMock's threads may answer at once. Served on a contract test's {@link Partner}
 * ({@link #serveOrders}) or on a server of its own ({@link #start}, the demo); either way it counts
 * what it saw ({@link #report}).
 */
public abstract class MarketSimulator implements PartnerApi {

    /** Exact decimals in and out: a yuan number like 59.90 keeps its digits. */
    public static final ObjectMapper JSON = JsonMapper.builder()
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .nodeFactory(com.fasterxml.jackson.databind.node.JsonNodeFactory.withExactBigDecimals(true))
            .build();

    /** A refusal: the platform's error code and its whole reply body. */
    public record Refusal(String code, ObjectNode body) {
    }

    /**
     * What the simulator saw.
     *
     * @param requests every call, refused or not
     * @param signaturesVerified calls whose signature, token and timestamp passed
     * @param refusals the error codes of every refusal, in order
     * @param held the orders it holds
     * @param distinctServed held orders served at least once
     * @param itemsServed orders in every reply, repeats included (a backward paging asks page 1 for
     *     the total before reading the last page first; a window starts a lookback before the last ended)
     * @param latestWindowEnd the end of the latest window asked for, or null before any
     */
    public record Report(int requests, int signaturesVerified, List<String> refusals, int held, int distinctServed,
                         int itemsServed, Instant latestWindowEnd) {
    }

    protected final Clock clock;
    protected final NativeOrders orders = new NativeOrders();
    private final List<String> refused = new CopyOnWriteArrayList<>();
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicInteger verified = new AtomicInteger();
    private final AtomicInteger itemsServed = new AtomicInteger();
    private final Set<String> served = ConcurrentHashMap.newKeySet();
    private final AtomicReference<Instant> latestWindowEnd = new AtomicReference<>();
    private volatile CallLimit limit = CallLimit.none();

    protected MarketSimulator(Clock clock) {
        this.clock = clock;
    }

    // ---- what a platform says ----

    /** Every request of this API. */
    @Override
    public abstract MappingBuilder anyCall();

    /** The request's parameters as the platform reads them (form or query). */
    protected abstract Map<String, String> params(Request request);

    /** The platform's refusal of a wrongly signed request, a wrong token or a stale timestamp, if any. */
    protected abstract Optional<Refusal> authenticate(Map<String, String> params);

    /** The platform's answer to a call beyond its limit. */
    protected abstract Refusal limited();

    /** The reply to an authenticated call: a page of orders, or the platform's refusal of its arguments. */
    protected abstract ObjectNode answer(Map<String, String> params);

    /** When an order was last modified, read from its own fields as the platform filters windows. */
    protected abstract Instant modifiedOf(ObjectNode order);

    /** One of this platform's orders carrying the contract kit's id and modification time. */
    protected abstract ObjectNode orderOf(TestRecord record);

    // ---- serving ----

    /** Serves the contract kit's records, each as one of this platform's orders. */
    @Override
    public final void serve(Partner partner, List<TestRecord> records) {
        serveOrders(partner, records.stream().map(this::orderOf).toList());
    }

    /** Serves these orders in the platform's own shape. */
    public final void serveOrders(Partner partner, List<ObjectNode> platformOrders) {
        hold(platformOrders);
        partner.respond(anyCall(), this::reply);
    }

    /**
     * Serves these orders in the platform's own shape on a server of its own, listening on loopback
     * until it is closed: for a simulated partner outside a test (the demo).
     */
    public final SimulatorServer start(List<ObjectNode> platformOrders) {
        hold(platformOrders);
        SimulatorServer server = SimulatorServer.start();
        server.respond(anyCall(), this::reply);
        return server;
    }

    private void hold(List<ObjectNode> platformOrders) {
        platformOrders.forEach(o -> orders.add(o, modifiedOf(o)));
    }

    /** Limits the app to so many calls a second of the test clock. */
    public final MarketSimulator limitCalls(int perSecond) {
        limit = CallLimit.perSecond(perSecond);
        return this;
    }

    /** The error codes of every refusal so far, in order. */
    public final List<String> refusals() {
        return List.copyOf(refused);
    }

    /** The error code of the platform's answer to a call beyond its limit. */
    public final String limitCode() {
        return limited().code();
    }

    /** What it saw so far. */
    public final Report report() {
        return new Report(requests.get(), verified.get(), refusals(), orders.size(), served.size(), itemsServed.get(),
                latestWindowEnd.get());
    }

    private ResponseDefinitionBuilder reply(Request request) {
        requests.incrementAndGet();
        Map<String, String> params = params(request);
        Optional<Refusal> refusal = authenticate(params);
        if (refusal.isEmpty()) {
            verified.incrementAndGet();
        }
        if (refusal.isEmpty() && !limit.allows(clock.instant())) {
            refusal = Optional.of(limited());
        }
        ObjectNode body = refusal.map(this::refuse).orElseGet(() -> answer(params));
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json;charset=UTF-8").withBody(body.toString());
    }

    /** Records the refusal and gives its body. */
    protected final ObjectNode refuse(Refusal refusal) {
        refused.add(refusal.code());
        return refusal.body();
    }

    // ---- helpers for platforms ----

    /** Held orders modified in the window ({@link NativeOrders#inWindow}); the window counts for the report. */
    protected final List<ObjectNode> inWindow(Instant start, Instant end, boolean oldestFirst) {
        latestWindowEnd.accumulateAndGet(end, (a, b) -> a == null || b.isAfter(a) ? b : a);
        return orders.inWindow(start, end, oldestFirst);
    }

    /**
     * A page of whole orders ({@link NativeOrders#page}), counted as served: an order is known by its
     * whole JSON (two identical orders could not be told apart by the platform either).
     */
    protected final List<ObjectNode> page(List<ObjectNode> all, long number, long first, int size) {
        List<ObjectNode> page = NativeOrders.page(all, number, first, size);
        page.forEach(o -> served.add(o.toString()));
        itemsServed.addAndGet(page.size());
        return page;
    }

    protected static Map<String, String> formParams(Request request) {
        Map<String, String> m = new LinkedHashMap<>();
        request.formParameters().forEach((k, v) -> m.put(k, v.firstValue()));
        return m;
    }

    protected static Map<String, String> queryParams(Request request) {
        Map<String, String> m = new LinkedHashMap<>();
        String url = request.getUrl();
        int q = url.indexOf('?');
        if (q < 0) {
            return m;
        }
        for (String pair : url.substring(q + 1).split("&")) {
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            m.put(URLDecoder.decode(name, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
        return m;
    }

    /** A whole number from a parameter, or empty. */
    protected static Optional<Long> number(String text) {
        try {
            return text == null ? Optional.empty() : Optional.of(Long.parseLong(text.trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** A request id as the platforms attach to every reply. */
    protected final String requestId() {
        return Long.toString(clock.millis(), 36) + Integer.toString(refused.size(), 36);
    }
}
