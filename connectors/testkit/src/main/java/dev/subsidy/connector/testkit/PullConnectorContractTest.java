package dev.subsidy.connector.testkit;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.subsidy.connector.api.Checkpoint;
import dev.subsidy.connector.api.Connector;
import dev.subsidy.connector.api.ConnectorException;
import dev.subsidy.connector.api.ConnectorKind;
import dev.subsidy.connector.api.ConnectorProvider;
import dev.subsidy.connector.api.HttpTransport;
import dev.subsidy.connector.api.PullConnector;
import dev.subsidy.connector.api.RecordBatch;
import dev.subsidy.connector.api.SourceRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The contract every pull connector meets, checked against a simulated partner in WireMock. A
 * connector's test extends this class and says how its partner's API looks; the tests here then
 * check, for that connector:
 * <ul>
 *   <li>paging to the end: every record exactly once, then nothing new;</li>
 *   <li>resume after a crash: a batch polled but never committed is polled again, by a new instance,
 *       from the last committed checkpoint, with the same records: no loss, no duplicate;</li>
 *   <li>a refused credential (401) and, when the simulator checks them, a wrong secret or signature
 *       are reported as {@link ConnectorException.Reason#UNAUTHORIZED} without hammering the
 *       partner;</li>
 *   <li>429 and 503 with {@code Retry-After}: the next call waits at least that long, whether the
 *       connector waits itself (through {@link dev.subsidy.connector.api.ConnectorContext#sleep}) or
 *       hands the wait to the gateway in {@link ConnectorException#retryAfter()};</li>
 *   <li>a malformed payload is {@link ConnectorException.Reason#BAD_PAYLOAD} or unreadable records:
 *       never another exception, never an empty batch that moves on;</li>
 *   <li>a server error is {@link ConnectorException.Reason#TRANSIENT};</li>
 *   <li>an empty source gives empty batches;</li>
 *   <li>no secret in a checkpoint or a record position; {@code stop()} is idempotent.</li>
 * </ul>
 *
 * <p>Time stands still on a {@link TestClock} that only the connector's waits move; nothing sleeps.
 * Each test gets its own WireMock server. Subclasses may add their own tests and use
 * {@link #context(Map)} and {@link #start(TestConnectorContext)}.
 */
public abstract class PullConnectorContractTest {

    /** The test clock's default "now": 2026-03-02 12:00 in UTC+8. */
    public static final Instant DEFAULT_NOW = Instant.parse("2026-03-02T04:00:00Z");
    /** Records served by the paging tests: with a page size of 2, three full pages and a short one. */
    protected static final int RECORD_COUNT = 7;
    /** The {@code Retry-After} the rate-limit tests send. */
    protected static final Duration RETRY_AFTER = Duration.ofSeconds(7);
    /** More polls than any test needs; a connector that never ends fails instead of hanging. */
    protected static final int MAX_POLLS = 200;

    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    final Partner partner = new Partner();

    private final List<Connector> running = new ArrayList<>();
    private TestClock clock;

    // ---- what a connector's test provides ----

    /** The connector type under test. */
    protected abstract ConnectorProvider provider();

    /**
     * Settings pointing the connector at the simulated partner, secrets included, with pages small
     * enough (2 records) that {@value #RECORD_COUNT} records take several pages, and no lookback (the
     * tests check that nothing is read twice).
     */
    protected abstract Map<String, String> settings(String baseUrl);

    /** The partner's API as stubs. */
    protected abstract PartnerApi partnerApi();

    /**
     * Settings like {@link #settings} but with a wrong secret, when the simulator checks credentials
     * or signatures; empty (the default) skips that test.
     */
    protected Optional<Map<String, String>> settingsWithWrongCredentials(String baseUrl) {
        return Optional.empty();
    }

    /** The test clock's starting instant. */
    protected Instant now() {
        return DEFAULT_NOW;
    }

    /**
     * The records a test serves: ids {@code rec-01}, {@code rec-02}, …, modified at spread-out times
     * between ten hours and one hour before {@link #now()} (off the round hours, so no record sits on
     * a window boundary).
     */
    protected List<TestRecord> records(int count) {
        List<TestRecord> list = new ArrayList<>();
        Instant first = now().minus(Duration.ofHours(10)).plusSeconds(17);
        Duration step = Duration.ofHours(9).dividedBy(Math.max(1, count));
        for (int i = 0; i < count; i++) {
            list.add(new TestRecord(String.format("rec-%02d", i + 1), first.plus(step.multipliedBy(i))));
        }
        return list;
    }

    /** The id of a record the connector returned; the default reads a top-level {@code id}. */
    protected String idOf(SourceRecord record) {
        if (record instanceof SourceRecord.Json j) {
            try {
                JsonNode id = JSON.readTree(j.json()).path("id");
                return id.isMissingNode() ? null : id.asText();
            } catch (Exception e) {
                throw new AssertionError("record at " + j.position() + " is not JSON: " + e.getMessage(), e);
            }
        }
        if (record instanceof SourceRecord.Fields f) {
            return String.valueOf(f.fields().get("id"));
        }
        throw new AssertionError("unreadable record at " + record.position() + ": " + ((SourceRecord.Unreadable) record).reason());
    }

    /** The transport the test context delegates to; the default is {@link JdkHttpTransport}. */
    protected HttpTransport transport() {
        return new JdkHttpTransport();
    }

    // ---- helpers for subclasses ----

    /** The simulated partner of the current test. */
    protected final Partner partner() {
        return partner;
    }

    /** The current test's clock. */
    protected final TestClock clock() {
        return clock;
    }

    /** A context with these settings on the test clock and {@link #transport()}. */
    protected final TestConnectorContext context(Map<String, String> settings) {
        return TestConnectorContext.builder(provider().configDef())
                .connectorId(provider().name() + "-under-test")
                .settings(settings)
                .clock(clock)
                .transport(transport())
                .build();
    }

    /** A new, started instance of the connector type; stopped after the test. */
    protected final PullConnector start(TestConnectorContext context) throws ConnectorException {
        ConnectorProvider provider = provider();
        assertThat(provider.kind()).as("kind of %s", provider.name()).isEqualTo(ConnectorKind.PULL);
        Connector c = provider.create();
        assertThat(c).as("%s creates a PullConnector", provider.name()).isInstanceOf(PullConnector.class);
        running.add(c);
        c.start(context);
        return (PullConnector) c;
    }

    /** Ids of these records, in order. */
    protected final List<String> ids(List<SourceRecord> records) {
        return records.stream().map(this::idOf).toList();
    }

    // ---- the contract ----

    @BeforeEach
    final void startTheClock() {
        clock = TestClock.at(now());
    }

    @AfterEach
    final void stopTheConnectors() {
        running.forEach(Connector::stop);
        running.clear();
        assertThat(partner.responderFailures()).as("failures inside the partner simulator").isEmpty();
    }

    @Test
    void readsEveryRecordExactlyOnceWhenPagingToTheEnd() throws Exception {
        List<TestRecord> served = records(RECORD_COUNT);
        partnerApi().serve(partner, served);
        TestConnectorContext context = context(settings(partner.baseUrl()));
        PullConnector connector = start(context);

        PollLoop.Outcome outcome = PollLoop.toEnd(connector, Checkpoint.NONE, MAX_POLLS);

        assertThat(outcome.records()).as("no unreadable records").allMatch(r -> !(r instanceof SourceRecord.Unreadable));
        assertThat(ids(outcome.records())).as("every record exactly once")
                .doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(served.stream().map(TestRecord::id).toList());
        assertThat(outcome.records()).extracting(SourceRecord::position).as("positions tell records apart").doesNotHaveDuplicates();
        assertThat(context.exchanges()).as("the records take several pages").hasSizeGreaterThan(1);

        RecordBatch again = connector.poll(outcome.checkpoint());
        assertThat(again.records()).as("nothing new after the end").isEmpty();
        assertThat(again.hasMore()).isFalse();
    }

    @Test
    void resumesAfterACrashWithoutLossOrDuplicate() throws Exception {
        List<TestRecord> served = records(RECORD_COUNT);
        partnerApi().serve(partner, served);
        Map<String, String> settings = settings(partner.baseUrl());
        PullConnector connector = start(context(settings));

        List<String> committed = new ArrayList<>();
        Checkpoint checkpoint = Checkpoint.NONE;
        for (int poll = 0; ; poll++) {
            assertThat(poll).as("polls before the end").isLessThan(MAX_POLLS);
            RecordBatch lost = connector.poll(checkpoint);
            // the gateway dies before committing: a new instance polls again from the committed checkpoint
            connector.stop();
            connector = start(context(settings));
            RecordBatch again = connector.poll(checkpoint);

            assertThat(ids(again.records())).as("the repeated poll from %s", checkpoint).isEqualTo(ids(lost.records()));
            assertThat(again.checkpoint()).isEqualTo(lost.checkpoint());
            assertThat(again.hasMore()).isEqualTo(lost.hasMore());
            committed.addAll(ids(again.records()));
            checkpoint = again.checkpoint();
            if (!again.hasMore()) {
                break;
            }
        }
        assertThat(committed).as("no loss, no duplicate").doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(served.stream().map(TestRecord::id).toList());
    }

    @Test
    void aRefusedCredentialIsUnauthorizedAndNotRetried() throws Exception {
        partnerApi().serve(partner, records(RECORD_COUNT));
        partner.stub(partnerApi().anyCall().atPriority(1)
                .willReturn(aResponse().withStatus(401).withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":\"invalid_token\"}")));
        TestConnectorContext context = context(settings(partner.baseUrl()));
        PullConnector connector = start(context);

        Throwable thrown = catchThrowable(() -> connector.poll(Checkpoint.NONE));

        assertReason(thrown, ConnectorException.Reason.UNAUTHORIZED);
        assertThat(context.exchanges()).filteredOn(x -> x.status() == 401).as("a refused credential is not retried").hasSize(1);
    }

    @Test
    void aWrongSecretOrSignatureIsUnauthorized() throws Exception {
        Optional<Map<String, String>> wrong = settingsWithWrongCredentials(partner.baseUrl());
        Assumptions.assumeTrue(wrong.isPresent(), "the simulator does not check credentials");
        partnerApi().serve(partner, records(RECORD_COUNT));
        PullConnector connector = start(context(wrong.get()));

        assertReason(catchThrowable(() -> connector.poll(Checkpoint.NONE)), ConnectorException.Reason.UNAUTHORIZED);
    }

    @ParameterizedTest(name = "HTTP {0}")
    @ValueSource(ints = {429, 503})
    void waitsAtLeastRetryAfterBeforeCallingAgain(int status) throws Exception {
        List<TestRecord> served = records(RECORD_COUNT);
        partnerApi().serve(partner, served);
        partner.stub(partnerApi().anyCall().atPriority(1)
                .inScenario("limited once").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(status).withHeader("Retry-After", Long.toString(RETRY_AFTER.toSeconds())))
                .willSetStateTo("limited"));
        TestConnectorContext context = context(settings(partner.baseUrl()));
        PullConnector connector = start(context);

        List<String> read = new ArrayList<>();
        Checkpoint checkpoint = Checkpoint.NONE;
        for (int poll = 0; ; poll++) {
            assertThat(poll).as("polls before the end").isLessThan(MAX_POLLS);
            RecordBatch batch;
            try {
                batch = connector.poll(checkpoint);
            } catch (ConnectorException e) {
                // the connector handed the wait to the gateway: it must carry at least Retry-After
                assertThat(e.isRetryable()).as("%s is retryable", e.reason()).isTrue();
                assertThat(e.retryAfter()).as("the wait handed to the gateway")
                        .hasValueSatisfying(d -> assertThat(d).isGreaterThanOrEqualTo(RETRY_AFTER));
                clock.advance(e.retryAfter().orElseThrow());
                continue;
            }
            read.addAll(ids(batch.records()));
            checkpoint = batch.checkpoint();
            if (!batch.hasMore()) {
                break;
            }
        }

        assertThat(read).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(served.stream().map(TestRecord::id).toList());
        List<TestConnectorContext.Exchange> exchanges = context.exchanges();
        int limited = indexOfStatus(exchanges, status);
        assertThat(limited).as("the partner answered %s once", status).isGreaterThanOrEqualTo(0);
        assertThat(exchanges.size()).as("a call after the %s", status).isGreaterThan(limited + 1);
        assertThat(Duration.between(exchanges.get(limited).at(), exchanges.get(limited + 1).at()))
                .as("time between the %s and the next call", status).isGreaterThanOrEqualTo(RETRY_AFTER);
    }

    @ParameterizedTest(name = "{index}: {0}")
    @ValueSource(strings = {
            "{\"data\": [{\"id\": \"rec-01\"",
            "<html><body><h1>502 Bad Gateway</h1></body></html>",
            "not json at all"})
    void aMalformedPayloadIsReportedNeverSwallowed(String body) throws Exception {
        partnerApi().serve(partner, records(RECORD_COUNT));
        partner.stub(partnerApi().anyCall().atPriority(1)
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body)));
        PullConnector connector = start(context(settings(partner.baseUrl())));

        RecordBatch batch = null;
        ConnectorException failure = null;
        try {
            batch = connector.poll(Checkpoint.NONE);
        } catch (ConnectorException e) {
            failure = e;
        }
        if (failure != null) {
            assertReason(failure, ConnectorException.Reason.BAD_PAYLOAD);
        } else {
            assertThat(batch.records()).as("a malformed reply yields unreadable records, never silence")
                    .anyMatch(r -> r instanceof SourceRecord.Unreadable);
        }
    }

    @Test
    void aServerErrorIsTransient() throws Exception {
        partnerApi().serve(partner, records(RECORD_COUNT));
        partner.stub(partnerApi().anyCall().atPriority(1).willReturn(aResponse().withStatus(500).withBody("internal error")));
        PullConnector connector = start(context(settings(partner.baseUrl())));

        assertReason(catchThrowable(() -> connector.poll(Checkpoint.NONE)), ConnectorException.Reason.TRANSIENT);
    }

    @Test
    void anEmptySourceGivesEmptyBatches() throws Exception {
        partnerApi().serve(partner, List.of());
        TestConnectorContext context = context(settings(partner.baseUrl()));
        PullConnector connector = start(context);

        PollLoop.Outcome outcome = PollLoop.toEnd(connector, Checkpoint.NONE, MAX_POLLS);

        assertThat(outcome.records()).isEmpty();
        assertThat(context.exchanges()).as("the partner was asked").isNotEmpty();
        assertThat(connector.poll(outcome.checkpoint()).records()).isEmpty();
    }

    @Test
    void noSecretInACheckpointOrAPosition() throws Exception {
        partnerApi().serve(partner, records(RECORD_COUNT));
        Map<String, String> settings = settings(partner.baseUrl());
        PullConnector connector = start(context(settings));

        PollLoop.Outcome outcome = PollLoop.toEnd(connector, Checkpoint.NONE, MAX_POLLS);

        List<String> secrets = provider().configDef().secretNames().stream()
                .map(settings::get).filter(v -> v != null && !v.isBlank()).toList();
        for (RecordBatch batch : outcome.batches()) {
            for (String secret : secrets) {
                assertThat(batch.checkpoint().toString()).as("checkpoint").doesNotContain(secret);
                assertThat(batch.records()).extracting(SourceRecord::position).as("positions")
                        .noneMatch(p -> p.contains(secret));
            }
        }
        assertThat(connector.toString()).as("toString of the connector").satisfies(s -> secrets.forEach(v -> assertThat(s).doesNotContain(v)));
    }

    @Test
    void stopIsIdempotent() throws Exception {
        PullConnector connector = start(context(settings(partner.baseUrl())));
        connector.stop();
        connector.stop();
    }

    // ---- assertions ----

    /** Asserts that a call failed with a {@link ConnectorException} of this reason. */
    protected static void assertReason(Throwable thrown, ConnectorException.Reason reason) {
        assertThat(thrown).as("the poll fails with a ConnectorException").isInstanceOf(ConnectorException.class);
        assertThat(((ConnectorException) thrown).reason()).as("reason of: %s", thrown.getMessage()).isEqualTo(reason);
    }

    private static int indexOfStatus(List<TestConnectorContext.Exchange> exchanges, int status) {
        for (int i = 0; i < exchanges.size(); i++) {
            if (exchanges.get(i).status() == status) {
                return i;
            }
        }
        return -1;
    }
}
