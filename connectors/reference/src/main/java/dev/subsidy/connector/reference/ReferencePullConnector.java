package dev.subsidy.connector.reference;

import dev.subsidy.connector.api.Checkpoint;
import dev.subsidy.connector.api.ConnectorContext;
import dev.subsidy.connector.api.ConnectorException;
import dev.subsidy.connector.api.ConnectorException.Reason;
import dev.subsidy.connector.api.HttpCall;
import dev.subsidy.connector.api.HttpReply;
import dev.subsidy.connector.api.PullConnector;
import dev.subsidy.connector.api.RecordBatch;
import dev.subsidy.connector.api.SourceRecord;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One {@code reference-pull} instance: one page per poll, checkpoint {@code offset}.
 *
 * <p>It does not retry: every failure becomes a {@link ConnectorException} with its reason (and the
 * partner's {@code Retry-After}), and the gateway repeats the poll from the same checkpoint later.
 * A line that is not a JSON object becomes an {@link SourceRecord.Unreadable unreadable} record, so
 * the gateway reports it with its position instead of losing it.
 *
 * <p><b>Threading:</b> the gateway never polls one instance from two threads; {@link #stop()} may come
 * from another thread and only flips a volatile flag. <b>Idempotency:</b> {@code poll(from)} asks for
 * the same offset every time it is given the same checkpoint.
 */
final class ReferencePullConnector implements PullConnector {

    /** The checkpoint key: index of the next record to read. */
    static final String OFFSET = "offset";
    /** Longest excerpt of a bad line kept in an unreadable record. */
    private static final int EXCERPT = 120;

    private volatile ConnectorContext context;
    private volatile boolean stopped;

    @Override
    public void start(ConnectorContext ctx) {
        this.context = ctx;
    }

    @Override
    public RecordBatch poll(Checkpoint from) throws ConnectorException, InterruptedException {
        if (stopped) {
            throw new InterruptedException("stopped");
        }
        long offset = offsetOf(from);
        int limit = context.config().getInt(ReferencePullProvider.PAGE_SIZE);
        HttpReply reply = fetch(offset, limit);
        List<SourceRecord> records = new ArrayList<>();
        for (String line : reply.bodyText().split("\r?\n")) {
            if (line.isBlank()) {
                continue;
            }
            String position = "item " + (offset + records.size() + 1);
            String text = line.strip();
            records.add(text.startsWith("{") && text.endsWith("}")
                    ? SourceRecord.json(position, text)
                    : SourceRecord.unreadable(position, "not a JSON object", excerpt(text)));
        }
        if (records.isEmpty()) {
            return RecordBatch.nothingNew(from);
        }
        Checkpoint next = Checkpoint.of(OFFSET, Long.toString(offset + records.size()));
        // a full page means the next one may hold more; a short page is the end for now
        return new RecordBatch(records, next, records.size() >= limit);
    }

    private HttpReply fetch(long offset, int limit) throws ConnectorException, InterruptedException {
        URI uri = URI.create(context.config().getString(ReferencePullProvider.URL) + "?offset=" + offset + "&limit=" + limit);
        Map<String, List<String>> headers = context.config().secret(ReferencePullProvider.TOKEN)
                .map(t -> Map.of("Authorization", List.of("Bearer " + t.reveal())))
                .orElse(Map.of());
        HttpReply reply;
        try {
            reply = context.http().send(new HttpCall("GET", uri, headers, null));
        } catch (IOException e) {
            // the message names the host at most; the query holds nothing secret here either
            throw new ConnectorException(Reason.TRANSIENT, "no reply from " + uri.getHost() + ": " + e.getClass().getSimpleName());
        }
        if (reply.isSuccess()) {
            return reply;
        }
        Duration wait = reply.retryAfter(ZonedDateTime.now(context.clock())).orElse(null);
        int status = reply.status();
        if (status == 401 || status == 403) {
            throw new ConnectorException(Reason.UNAUTHORIZED, "the API refused the token (HTTP " + status + ")");
        }
        if (status == 429) {
            throw ConnectorException.rateLimited("the API's rate limit (HTTP 429)", wait);
        }
        if (status == 408 || status >= 500) {
            throw new ConnectorException(Reason.TRANSIENT, "the API failed (HTTP " + status + ")", wait, null);
        }
        throw new ConnectorException(Reason.FATAL, "the API answered HTTP " + status);
    }

    @Override
    public void checkCheckpoint(Checkpoint checkpoint) throws ConnectorException {
        for (String key : checkpoint.asMap().keySet()) {
            if (!OFFSET.equals(key)) {
                throw new ConnectorException(Reason.CONFIGURATION, "checkpoint holds only '" + OFFSET + "', not '" + key + "'");
            }
        }
        offsetOf(checkpoint);
    }

    private static long offsetOf(Checkpoint from) throws ConnectorException {
        String value = from.get(OFFSET).orElse("0");
        try {
            long offset = Long.parseLong(value);
            if (offset < 0) {
                throw new NumberFormatException();
            }
            return offset;
        } catch (NumberFormatException e) {
            throw new ConnectorException(Reason.CONFIGURATION, "checkpoint offset is not a count: " + value);
        }
    }

    private static String excerpt(String text) {
        return text.length() <= EXCERPT ? text : text.substring(0, EXCERPT) + "…";
    }

    @Override
    public void stop() {
        stopped = true;
    }

    @Override
    public String toString() {
        ConnectorContext c = context;
        return "ReferencePullConnector[" + (c == null ? "unstarted" : c.connectorId()) + "]";
    }
}
