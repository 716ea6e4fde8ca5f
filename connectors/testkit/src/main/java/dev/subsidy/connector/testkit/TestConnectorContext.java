package dev.subsidy.connector.testkit;

import dev.subsidy.connector.api.ConfigDef;
import dev.subsidy.connector.api.ConnectorConfig;
import dev.subsidy.connector.api.ConnectorContext;
import dev.subsidy.connector.api.HttpCall;
import dev.subsidy.connector.api.HttpReply;
import dev.subsidy.connector.api.HttpTransport;
import dev.subsidy.connector.api.RequestSigner;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * A {@link ConnectorContext} for tests: settings validated against the provider's {@link ConfigDef}
 * (secret settings carry their values directly, as the gateway would have resolved them), a
 * {@link TestClock}, waits that advance that clock instead of sleeping, and a transport that records
 * every exchange with the clock's time, so a test can check how long a connector waited between two
 * calls.
 *
 * <p>Signers are looked up on the class path with {@link ServiceLoader}, as the gateway finds its
 * built-in ones, unless the test registers its own.
 *
 * <p>Thread-safe: the recordings are concurrent lists.
 */
public final class TestConnectorContext implements ConnectorContext {

    /**
     * One call the connector made, with the test clock's time when it was sent.
     *
     * @param at the test clock's instant at sending
     * @param call the request
     * @param reply the reply, or {@code null} when the transport failed
     * @param failure the transport's exception class and message, or {@code null}
     */
    public record Exchange(Instant at, HttpCall call, HttpReply reply, String failure) {
        /** The reply's status, or -1 when there was no reply. */
        public int status() {
            return reply == null ? -1 : reply.status();
        }
    }

    private final String connectorId;
    private final ConnectorConfig config;
    private final TestClock clock;
    private final HttpTransport transport;
    private final Map<String, RequestSigner> signers;
    private final Consumer<Duration> onSleep;
    private final List<Exchange> exchanges = new CopyOnWriteArrayList<>();
    private final List<Duration> sleeps = new CopyOnWriteArrayList<>();

    private TestConnectorContext(Builder b) {
        this.connectorId = b.connectorId;
        this.config = b.def.parse(b.settings);
        this.clock = b.clock;
        this.transport = b.transport;
        this.signers = Map.copyOf(b.signers);
        this.onSleep = b.onSleep;
    }

    /** A builder for a connector whose type accepts these settings. */
    public static Builder builder(ConfigDef def) {
        return new Builder(def);
    }

    @Override
    public String connectorId() {
        return connectorId;
    }

    @Override
    public ConnectorConfig config() {
        return config;
    }

    @Override
    public HttpTransport http() {
        return this::record;
    }

    private HttpReply record(HttpCall call) throws IOException, InterruptedException {
        Instant at = clock.instant();
        try {
            HttpReply reply = transport.send(call);
            exchanges.add(new Exchange(at, call, reply, null));
            return reply;
        } catch (IOException e) {
            exchanges.add(new Exchange(at, call, null, e.getClass().getSimpleName() + ": " + e.getMessage()));
            throw e;
        }
    }

    @Override
    public RequestSigner signer(String name) {
        RequestSigner own = signers.get(name);
        if (own != null) {
            return own;
        }
        Map<String, RequestSigner> found = new TreeMap<>();
        ServiceLoader.load(RequestSigner.class, Thread.currentThread().getContextClassLoader())
                .forEach(s -> found.putIfAbsent(s.name(), s));
        RequestSigner s = found.get(name);
        if (s == null) {
            throw new IllegalArgumentException("no request signer named '" + name + "'; known: " + found.keySet());
        }
        return s;
    }

    @Override
    public TestClock clock() {
        return clock;
    }

    /** Records the wait and advances the test clock by it; never sleeps. */
    @Override
    public void sleep(Duration duration) {
        if (duration.isNegative() || duration.isZero()) {
            return;
        }
        sleeps.add(duration);
        clock.advance(duration);
        onSleep.accept(duration);
    }

    /** Every exchange so far, in order. */
    public List<Exchange> exchanges() {
        return List.copyOf(exchanges);
    }

    /** Every wait the connector asked for, in order. */
    public List<Duration> sleeps() {
        return List.copyOf(sleeps);
    }

    /** Builds a {@link TestConnectorContext}. */
    public static final class Builder {
        private final ConfigDef def;
        private String connectorId = "test-connector";
        private final Map<String, String> settings = new LinkedHashMap<>();
        private TestClock clock = TestClock.at(Instant.parse("2026-03-02T04:00:00Z"));
        private HttpTransport transport = new JdkHttpTransport();
        private final Map<String, RequestSigner> signers = new LinkedHashMap<>();
        private Consumer<Duration> onSleep = d -> { };

        private Builder(ConfigDef def) {
            this.def = Objects.requireNonNull(def, "def");
        }

        public Builder connectorId(String id) {
            this.connectorId = Objects.requireNonNull(id, "id");
            return this;
        }

        /** The definition's settings, secrets included (validated on {@link #build()}). */
        public Builder settings(Map<String, String> values) {
            settings.putAll(values);
            return this;
        }

        public Builder setting(String name, String value) {
            settings.put(name, value);
            return this;
        }

        public Builder clock(TestClock testClock) {
            this.clock = Objects.requireNonNull(testClock, "clock");
            return this;
        }

        /** The transport the recorded one delegates to (default: {@link JdkHttpTransport}). */
        public Builder transport(HttpTransport t) {
            this.transport = Objects.requireNonNull(t, "transport");
            return this;
        }

        /** A signer that takes precedence over those on the class path. */
        public Builder signer(RequestSigner signer) {
            signers.put(signer.name(), signer);
            return this;
        }

        /** Called after each wait (the clock already advanced), e.g. to stop the connector in the middle of one. */
        public Builder onSleep(Consumer<Duration> listener) {
            this.onSleep = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /**
         * The context.
         *
         * @throws IllegalArgumentException listing every problem when the settings are invalid
         */
        public TestConnectorContext build() {
            return new TestConnectorContext(this);
        }
    }
}
