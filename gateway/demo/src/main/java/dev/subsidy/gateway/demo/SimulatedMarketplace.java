package dev.subsidy.gateway.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
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
 * What the demo's two marketplace simulators share (the test suite's are WireMock-based, test code
 * the demo cannot use): a JDK {@link HttpServer} on a free loopback port, the shop's orders held in
 * the platform's own shape with the time they were last modified, and the counting the demo checks.
 * Every call is checked the way the platform checks it ({@link #authenticate}: the signature computed
 * here with {@link MessageDigest}, independently of the gateway's signers) and refused with the
 * platform's own error body, always HTTP 200 as these gateways answer; an authenticated call is
 * answered with a window and page of orders ({@link #answer}).
 * <p>Thread-safe: calls arrive on the server's thread, the report is read from any other; the orders
 * are fixed at construction.
 */
abstract class SimulatedMarketplace implements AutoCloseable {

    static final ObjectMapper JSON = new ObjectMapper();

    /** One held order: the platform's JSON and the time its windows filter on. */
    record Held(String id, Instant modified, ObjectNode order) {}

    /** A refusal: the platform's error code and its whole reply body. */
    record Refusal(String code, ObjectNode body) {}

    /**
     * What the simulator saw.
     *
     * @param distinctServed held orders served at least once
     * @param itemsServed orders in every reply, repeats included: backward paging asks page 1 for the total
     *     before reading the last page first, and each window starts a lookback before the last one ended
     * @param latestWindowEnd the end of the latest window asked for, or null before any
     */
    record Report(String platform, String signature, int requests, int signaturesVerified, List<String> refusals,
                  int held, int distinctServed, int itemsServed, Instant latestWindowEnd) {}

    protected final Clock clock;
    protected final List<Held> orders;
    private final String platform;
    private final String signature;
    private final HttpServer server;
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicInteger verified = new AtomicInteger();
    private final AtomicInteger itemsServed = new AtomicInteger();
    private final List<String> refusals = new CopyOnWriteArrayList<>();
    private final Set<String> served = ConcurrentHashMap.newKeySet();
    private final AtomicReference<Instant> latestWindowEnd = new AtomicReference<>();

    /**
     * @param path the platform's endpoint
     * @param signature how calls are signed, as the summary names it
     */
    protected SimulatedMarketplace(String platform, String signature, String path, List<Held> orders, Clock clock) {
        this.platform = platform;
        this.signature = signature;
        this.clock = clock;
        List<Held> sorted = new ArrayList<>(orders);
        sorted.sort(Comparator.comparing(Held::modified).thenComparing(Held::id));
        this.orders = List.copyOf(sorted);
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException("the " + platform + " simulator cannot listen on loopback", e);
        }
        server.createContext(path, this::handle);
        server.start();
    }

    /** The value for a connector's {@code base_url}. */
    URI baseUrl() {
        InetSocketAddress address = server.getAddress();
        return URI.create("http://" + address.getAddress().getHostAddress() + ":" + address.getPort());
    }

    Report report() {
        return new Report(platform, signature, requests.get(), verified.get(), List.copyOf(refusals), orders.size(),
                served.size(), itemsServed.get(), latestWindowEnd.get());
    }

    @Override
    public void close() {
        server.stop(0);
    }

    /** The platform's refusal of a wrongly signed call (or a wrong token, app key, method, timestamp), if any. */
    protected abstract Optional<Refusal> authenticate(Map<String, String> params);

    /** The reply to an authenticated call: a page of a window, or the platform's refusal of its arguments. */
    protected abstract ObjectNode answer(Map<String, String> params);

    /** Held orders modified in [start, end], oldest first (later modifications move towards the end). */
    protected final List<Held> inWindow(Instant start, Instant end) {
        latestWindowEnd.accumulateAndGet(end, (a, b) -> a == null || b.isAfter(a) ? b : a);
        return orders.stream().filter(h -> !h.modified().isBefore(start) && !h.modified().isAfter(end)).toList();
    }

    /** Page {@code number} of a list, pages counted from {@code first}; empty past the end. Counted as served. */
    protected final List<ObjectNode> page(List<Held> all, long number, long first, int size) {
        long from = (number - first) * size;
        if (from < 0 || from >= all.size()) {
            return List.of();
        }
        List<Held> page = all.subList((int) from, (int) Math.min(all.size(), from + size));
        page.forEach(h -> served.add(h.id()));
        itemsServed.addAndGet(page.size());
        return page.stream().map(h -> h.order().deepCopy()).toList();
    }

    /** Records a refusal of the call's arguments (after its signature was verified) and gives its body. */
    protected final ObjectNode refuse(Refusal refusal) {
        refusals.add(refusal.code());
        return refusal.body();
    }

    /** Lower-case hex MD5 of UTF-8 text. */
    protected static String md5Hex(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is part of every Java runtime", e);
        }
    }

    /** Constant-time comparison, as a platform compares signatures. */
    protected static boolean same(String expected, String given) {
        return given != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                given.getBytes(StandardCharsets.US_ASCII));
    }

    protected static Optional<Long> number(String text) {
        try {
            return text == null ? Optional.empty() : Optional.of(Long.parseLong(text.trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** A request id as the platforms attach to every reply. */
    protected final String requestId() {
        return Long.toString(clock.millis(), 36) + Integer.toString(requests.get(), 36);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            requests.incrementAndGet();
            byte[] body = in.readAllBytes();
            // the parameters as the platform reads them: the query, and a form body when there is one
            Map<String, String> params = new LinkedHashMap<>(decode(exchange.getRequestURI().getRawQuery()));
            String type = exchange.getRequestHeaders().getFirst("Content-Type");
            if (type != null && type.startsWith("application/x-www-form-urlencoded")) {
                params.putAll(decode(new String(body, StandardCharsets.UTF_8)));
            }
            Optional<Refusal> refusal = authenticate(params);
            ObjectNode reply;
            if (refusal.isPresent()) {
                reply = refuse(refusal.get());
            } else {
                verified.incrementAndGet();
                reply = answer(params);
            }
            byte[] bytes = JSON.writeValueAsBytes(reply);
            exchange.getResponseHeaders().set("Content-Type", "application/json;charset=UTF-8");
            exchange.sendResponseHeaders(200, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        } finally {
            exchange.close();
        }
    }

    private static Map<String, String> decode(String text) {
        Map<String, String> params = new LinkedHashMap<>();
        if (text == null || text.isEmpty()) {
            return params;
        }
        for (String pair : text.split("&")) {
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            params.put(URLDecoder.decode(name, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
        return params;
    }
}
