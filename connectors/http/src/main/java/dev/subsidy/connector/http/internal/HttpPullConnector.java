package dev.subsidy.connector.http.internal;

import static dev.subsidy.connector.http.HttpPullSettings.AUTH_PASSWORD;
import static dev.subsidy.connector.http.HttpPullSettings.AUTH_TOKEN;
import static dev.subsidy.connector.http.HttpPullSettings.SIGNER_SECRET;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.subsidy.connector.api.Checkpoint;
import dev.subsidy.connector.api.ConnectorConfig;
import dev.subsidy.connector.api.ConnectorContext;
import dev.subsidy.connector.api.ConnectorException;
import dev.subsidy.connector.api.ConnectorException.Reason;
import dev.subsidy.connector.api.HttpCall;
import dev.subsidy.connector.api.HttpReply;
import dev.subsidy.connector.api.PullConnector;
import dev.subsidy.connector.api.RecordBatch;
import dev.subsidy.connector.api.RequestSigner;
import dev.subsidy.connector.api.SourceRecord;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One {@code http-pull} instance: reads one page per poll, inside the current time window when
 * windows are on.
 *
 * <p><b>The checkpoint</b> holds exactly what resuming needs (see {@link CheckpointCodec}): the
 * committed time cursor, the window being read and the page to read next. Polling again from a
 * checkpoint asks the partner for the same window and page, so nothing is repeated and nothing
 * skipped; the window's end is stored, never recomputed from a later "now".
 *
 * <p><b>Failures</b> are {@link ConnectorException}s with their reason; retryable ones are retried
 * inside the poll within {@code retry_max_wait} ({@link ResilientCaller}), then handed to the gateway.
 * An item that is not a JSON object becomes an unreadable record with its position. An unexpected
 * runtime exception becomes {@link Reason#FATAL}: a poll never ends in anything else.
 *
 * <p><b>Threading:</b> the gateway polls an instance from one thread at a time; {@link #stop()} may
 * come from any thread and only sets a flag that ends waits and the next step. Secrets are read from
 * the context per request and never kept, logged, or put in a message, record or checkpoint.
 */
public final class HttpPullConnector implements PullConnector {

    private static final System.Logger LOG = System.getLogger(HttpPullConnector.class.getName());
    /** Longest excerpt of an unreadable item kept in its record. */
    private static final int EXCERPT = 200;

    private volatile boolean stopped;
    private volatile Running running;

    /** Everything {@link #start} builds; immutable. */
    private record Running(ConnectorContext context, RequestSpec request, Optional<WindowPlanner> windows, Pager pager,
                           CheckpointCodec codec, RequestFactory requests, ReplyReader replies, ResilientCaller caller,
                           ObjectMapper json) {
    }

    @Override
    public void start(ConnectorContext context) throws ConnectorException {
        ConnectorConfig config = context.config();
        RequestSpec request;
        AuthSpec auth;
        PagingSpec paging;
        Optional<WindowSpec> windows;
        ReplySpec reply;
        RetrySpec retry;
        try {
            request = RequestSpec.from(config);
            auth = AuthSpec.from(config);
            paging = PagingSpec.from(config);
            windows = WindowSpec.from(config);
            reply = ReplySpec.from(config);
            retry = RetrySpec.from(config);
        } catch (RuntimeException e) {
            // the gateway validated the settings; this is a combination the descriptor cannot express
            throw new ConnectorException(Reason.CONFIGURATION, "settings cannot be used: " + e.getMessage(), e);
        }
        RequestSigner signer = null;
        if (auth instanceof AuthSpec.Signed signed) {
            try {
                signer = context.signer(signed.signer());
            } catch (IllegalArgumentException e) {
                throw new ConnectorException(Reason.CONFIGURATION, e.getMessage());
            }
        }
        requireSecrets(context, auth);
        ObjectMapper json = mapper();
        running = new Running(context, request, windows.map(WindowPlanner::new), Pager.of(paging),
                new CheckpointCodec(paging.mode(), windows.isPresent()),
                new RequestFactory(request, auth, signer, context, json),
                new ReplyReader(reply, paging, json, new ErrorClassifier(reply, context.clock())),
                new ResilientCaller(context.connectorId(), retry, context, () -> stopped), json);
    }

    /** Fails at start, not at the first poll, when a secret the authentication needs has no value. */
    private static void requireSecrets(ConnectorContext context, AuthSpec auth) throws ConnectorException {
        List<String> needed = new ArrayList<>();
        if (auth instanceof AuthSpec.Basic) {
            needed.add(AUTH_PASSWORD);
        } else if (auth instanceof AuthSpec.Bearer || auth instanceof AuthSpec.ApiKey) {
            needed.add(AUTH_TOKEN);
        } else if (auth instanceof AuthSpec.Signed signed) {
            needed.add(SIGNER_SECRET);
            signed.tokenParam().ifPresent(p -> needed.add(AUTH_TOKEN));
        }
        for (String name : needed) {
            try {
                context.secret(name);
            } catch (IllegalStateException | IllegalArgumentException e) {
                throw new ConnectorException(Reason.CONFIGURATION, "secret setting '" + name + "' has no value");
            }
        }
    }

    /** Exact decimals (money is never a double), and trailing text after the JSON value is refused. */
    private static ObjectMapper mapper() {
        ObjectMapper m = new ObjectMapper();
        m.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
        m.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        m.setNodeFactory(JsonNodeFactory.withExactBigDecimals(true));
        return m;
    }

    @Override
    public void checkCheckpoint(Checkpoint checkpoint) throws ConnectorException {
        Running r = running;
        if (r == null) {
            throw new IllegalStateException("checkCheckpoint before start");
        }
        r.codec().decode(checkpoint);
    }

    @Override
    public RecordBatch poll(Checkpoint from) throws ConnectorException, InterruptedException {
        Running r = running;
        if (r == null) {
            throw new IllegalStateException("poll before start");
        }
        if (stopped) {
            throw new InterruptedException("connector stopped");
        }
        try {
            return r.windows().isPresent() ? pollWindow(r, r.windows().get(), from) : pollList(r, from);
        } catch (RuntimeException e) {
            // a bug or a partner reply nobody foresaw: report it as what it is, never crash the gateway's loop
            throw new ConnectorException(Reason.FATAL, "unexpected " + e.getClass().getSimpleName() + " while reading the partner", e);
        }
    }

    private RecordBatch pollWindow(Running r, WindowPlanner planner, Checkpoint from) throws ConnectorException, InterruptedException {
        Position position = r.codec().decode(from);
        Window window;
        PageState state;
        if (position.window().isPresent()) {
            window = position.window().get();
            state = position.paging().orElseGet(r.pager()::first);
        } else {
            Optional<Window> next = planner.next(position.syncedUntil(), r.context().clock().instant());
            if (next.isEmpty()) {
                return RecordBatch.nothingNew(from);
            }
            window = next.get();
            state = r.pager().first();
        }
        Map<String, Object> windowParams = planner.params(window);
        Step step = r.pager().read(state, paging -> fetch(r, merge(windowParams, paging)));
        List<SourceRecord> records = records(r, window.label() + ", ", step);
        if (step.end()) {
            Checkpoint done = r.codec().encode(new Position(Optional.of(window.end()), Optional.empty(), Optional.empty()));
            return new RecordBatch(records, done, planner.hasMoreAfter(window.end(), r.context().clock().instant()));
        }
        Checkpoint inWindow = r.codec().encode(new Position(position.syncedUntil(), Optional.of(window), Optional.of(step.next())));
        return RecordBatch.more(records, inWindow);
    }

    private RecordBatch pollList(Running r, Checkpoint from) throws ConnectorException, InterruptedException {
        Position position = r.codec().decode(from);
        PageState state = position.paging().orElseGet(r.pager()::first);
        Step step = r.pager().read(state, paging -> fetch(r, paging));
        List<SourceRecord> records = records(r, "", step);
        Checkpoint next = r.codec().encode(new Position(Optional.empty(), Optional.empty(), Optional.of(step.next())));
        return new RecordBatch(records, next, !step.end());
    }

    private static Map<String, Object> merge(Map<String, Object> a, Map<String, Object> b) {
        Map<String, Object> m = new LinkedHashMap<>(a);
        m.putAll(b);
        return m;
    }

    private Page fetch(Running r, Map<String, Object> params) throws ConnectorException, InterruptedException {
        return r.caller().call(() -> {
            HttpCall call;
            try {
                call = r.requests().build(params);
            } catch (IllegalArgumentException | IllegalStateException e) {
                // a signer missing an input it needs, a secret without value: messages name inputs, never values
                throw new ConnectorException(Reason.CONFIGURATION, "cannot build the request: " + e.getMessage());
            }
            long started = System.nanoTime();
            HttpReply reply;
            try {
                reply = r.context().http().send(call);
            } catch (IOException e) {
                throw new ConnectorException(Reason.TRANSIENT, "no reply from " + call.uri().getHost() + ": " + Redaction.of(e));
            }
            // HttpCall.toString shows neither the query, header values nor the body
            LOG.log(System.Logger.Level.DEBUG, "{0}: {1} -> HTTP {2} in {3} ms", r.context().connectorId(), call,
                    reply.status(), (System.nanoTime() - started) / 1_000_000);
            return r.replies().read(reply);
        });
    }

    private static List<SourceRecord> records(Running r, String prefix, Step step) {
        List<SourceRecord> records = new ArrayList<>();
        for (int i = step.from(); i < step.items().size(); i++) {
            JsonNode item = step.items().get(i);
            String position = prefix + step.label() + ", item " + (i + 1);
            String text = write(r.json(), item);
            records.add(item.isObject()
                    ? SourceRecord.json(position, text)
                    : SourceRecord.unreadable(position, "not a JSON object but " + item.getNodeType().name().toLowerCase(java.util.Locale.ROOT),
                            text.length() <= EXCERPT ? text : text.substring(0, EXCERPT) + "…"));
        }
        return records;
    }

    private static String write(ObjectMapper json, JsonNode node) {
        try {
            return json.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a parsed JSON node", e);
        }
    }

    @Override
    public void stop() {
        stopped = true;
    }

    /** The connector id and endpoint, without query, headers or anything secret. */
    @Override
    public String toString() {
        Running r = running;
        return r == null ? "HttpPullConnector[unstarted]"
                : "HttpPullConnector[" + r.context().connectorId() + ", " + r.request().method() + " "
                        + r.request().endpoint().getScheme() + "://" + r.request().endpoint().getAuthority() + r.request().endpoint().getPath() + "]";
    }
}
