package dev.subsidy.connector.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.subsidy.connector.api.Checkpoint;
import dev.subsidy.connector.api.Connector;
import dev.subsidy.connector.api.ConnectorException;
import dev.subsidy.connector.api.ConnectorKind;
import dev.subsidy.connector.api.ConnectorProvider;
import dev.subsidy.connector.api.PushConnector;
import dev.subsidy.connector.api.PushReply;
import dev.subsidy.connector.api.PushRequest;
import dev.subsidy.connector.api.RecordBatch;
import dev.subsidy.connector.api.SourceRecord;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The contract every push connector meets, whatever its partner: what
 * {@link PushConnector#receive(PushRequest)} and {@link PushConnector#acknowledge} promise. A
 * connector's test extends this class, says how its partner builds and signs a push and what it
 * expects back, and the tests here check, for that connector:
 * <ul>
 *   <li>a push signed as the partner signs it yields its records (positions distinct and as expected,
 *       none unreadable, no checkpoint) and the acknowledgement the partner expects;</li>
 *   <li>the same push twice, or from several threads at once, yields the same records;</li>
 *   <li>where the partner signs its pushes, a missing or wrong signature is
 *       {@link ConnectorException.Reason#UNAUTHORIZED} with a reason and without the secret;</li>
 *   <li>an empty, malformed, truncated or over-deep body, and a body in another charset than the
 *       partner's, are {@link ConnectorException.Reason#BAD_PAYLOAD} with a reason: never another
 *       exception, never records of garbled text;</li>
 *   <li>settings: the test's settings are valid; a missing required setting, a bad value and an
 *       unknown setting are each named; no problem, refusal or {@code toString} shows a secret;</li>
 *   <li>{@code stop()} is idempotent.</li>
 * </ul>
 *
 * <p>Bad bodies are signed correctly, so that they reach the connector's reading and not only its
 * signature check. Nothing here needs the network.
 */
public abstract class PushConnectorContractTest extends SettingsContractTest {

    /** How a test push is signed. */
    protected enum Signing {
        /** With the secret of {@link #settings()}, as the partner signs. */
        RIGHT,
        /** As the partner signs, but with another secret. */
        WRONG,
        /** Without the signature. */
        NONE
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int THREADS = 8;

    private final List<Connector> running = new ArrayList<>();

    // ---- what a connector's test provides ----

    /** The connector type under test. */
    @Override
    protected abstract ConnectorProvider provider();

    /** A definition's settings, secrets included; where the partner signs, with the secret to check it. */
    @Override
    protected abstract Map<String, String> settings();

    /** A push as the partner sends it: its payload text, holding Chinese text (the charset check needs some). */
    protected abstract String payload();

    /**
     * The request the partner sends with these payload bytes, put where the partner puts its payload
     * (the body, a form field) and signed as asked. A signature is computed over the bytes as sent.
     */
    protected abstract PushRequest push(byte[] payload, Signing signing);

    /** The positions of the records {@link #payload()} yields, in order. */
    protected abstract List<String> expectedPositions();

    /** The acknowledgement body the partner expects: JSON is compared as JSON, anything else as text. */
    protected abstract String expectedAcknowledgement();

    /** Whether the partner signs its pushes, so that a missing or wrong signature must be refused. */
    protected abstract boolean partnerSigns();

    /** The charset the partner sends its payload in. */
    protected Charset partnerCharset() {
        return StandardCharsets.UTF_8;
    }

    /**
     * Payloads that cannot be read at all, each a {@link ConnectorException.Reason#BAD_PAYLOAD}. The
     * default suits JSON payloads: empty, not JSON, a JSON scalar, the sample cut in half, nesting
     * deeper than any parser accepts, megabytes of text that is not JSON.
     */
    protected Map<String, String> unreadablePayloads() {
        String sample = payload();
        Map<String, String> payloads = new LinkedHashMap<>();
        payloads.put("empty", "");
        payloads.put("not JSON", "waybill=731234567890501&status=签收");
        payloads.put("an HTML error page", "<html><body><h1>502 Bad Gateway</h1></body></html>");
        payloads.put("a JSON scalar", "\"签收\"");
        payloads.put("JSON null", "null");
        payloads.put("truncated", sample.substring(0, sample.length() / 2));
        payloads.put("nested 100000 deep", "[".repeat(100_000));
        payloads.put("3.5 MiB that is not JSON", "签收,".repeat(1 << 19));
        return payloads;
    }

    // ---- helpers for subclasses ----

    /** A new, started instance with these settings; stopped after the test. */
    protected final PushConnector start(Map<String, String> settings) throws ConnectorException {
        ConnectorProvider provider = provider();
        assertThat(provider.kind()).as("kind of %s", provider.name()).isEqualTo(ConnectorKind.PUSH);
        Connector c = provider.create();
        assertThat(c).as("%s creates a PushConnector", provider.name()).isInstanceOf(PushConnector.class);
        running.add(c);
        c.start(TestConnectorContext.builder(provider.configDef())
                .connectorId(provider.name() + "-under-test").settings(settings).build());
        return (PushConnector) c;
    }

    /** The partner's push of {@link #payload()}, signed right. */
    protected final PushRequest signedPush() {
        return push(payload().getBytes(partnerCharset()), Signing.RIGHT);
    }

    @AfterEach
    final void stopTheConnectors() {
        running.forEach(Connector::stop);
        running.clear();
    }

    // ---- the contract ----

    @Test
    void aSignedPushYieldsItsRecordsAndTheAcknowledgementThePartnerExpects() throws Exception {
        PushConnector connector = start(settings());
        PushRequest request = signedPush();

        RecordBatch batch = connector.receive(request);

        assertThat(batch.records()).as("records of the push").isNotEmpty()
                .allSatisfy(r -> assertThat(r).as("record at %s", r.position()).isNotInstanceOf(SourceRecord.Unreadable.class));
        assertThat(batch.records()).extracting(SourceRecord::position).as("positions")
                .doesNotHaveDuplicates().containsExactlyElementsOf(expectedPositions());
        assertThat(batch.checkpoint()).as("a push has no cursor").isEqualTo(Checkpoint.NONE);
        assertAcknowledgement(connector.acknowledge(request, batch));
    }

    @Test
    void theSamePushTwiceYieldsTheSameRecords() throws Exception {
        PushConnector connector = start(settings());

        assertThat(connector.receive(signedPush())).isEqualTo(connector.receive(signedPush()));
    }

    @Test
    void pushesReceivedConcurrentlyYieldTheSameRecords() throws Exception {
        PushConnector connector = start(settings());
        RecordBatch alone = connector.receive(signedPush());
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Callable<RecordBatch>> calls = new ArrayList<>();
            for (int i = 0; i < THREADS * 4; i++) {
                calls.add(() -> connector.receive(signedPush()));
            }
            for (Future<RecordBatch> f : pool.invokeAll(calls)) {
                assertThat(f.get()).isEqualTo(alone);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aPushWithoutItsSignatureIsRefusedWithAReason() throws Exception {
        Assumptions.assumeTrue(partnerSigns(), "the partner does not sign its pushes");
        PushConnector connector = start(settings());

        assertRefused(connector, push(payload().getBytes(partnerCharset()), Signing.NONE), ConnectorException.Reason.UNAUTHORIZED);
    }

    @Test
    void aPushSignedWithAnotherSecretIsRefusedWithAReason() throws Exception {
        Assumptions.assumeTrue(partnerSigns(), "the partner does not sign its pushes");
        PushConnector connector = start(settings());

        assertRefused(connector, push(payload().getBytes(partnerCharset()), Signing.WRONG), ConnectorException.Reason.UNAUTHORIZED);
    }

    @TestFactory
    Stream<DynamicTest> anUnreadablePayloadIsABadPayloadWithAReason() throws Exception {
        PushConnector connector = start(settings());
        return unreadablePayloads().entrySet().stream().map(e -> DynamicTest.dynamicTest(e.getKey(),
                () -> assertRefused(connector, push(e.getValue().getBytes(partnerCharset()), Signing.RIGHT), ConnectorException.Reason.BAD_PAYLOAD)));
    }

    @Test
    void aPayloadInAnotherCharsetIsABadPayloadNotGarbledRecords() throws Exception {
        Charset other = partnerCharset().equals(StandardCharsets.UTF_8) ? Charset.forName("GBK") : StandardCharsets.UTF_8;
        byte[] bytes = payload().getBytes(other);
        assertThat(bytes).as("the sample payload holds text that differs in %s", other).isNotEqualTo(payload().getBytes(partnerCharset()));
        PushConnector connector = start(settings());

        assertRefused(connector, push(bytes, Signing.RIGHT), ConnectorException.Reason.BAD_PAYLOAD);
    }

    @Test
    void noSecretInASettingsProblemARefusalOrToString() throws Exception {
        SettingsContract.problemsNeverShowSecrets(provider(), settings());
        List<String> secrets = SettingsContract.secretValues(provider(), settings());
        PushConnector connector = start(settings());
        assertThat(connector.toString()).as("toString of the connector").satisfies(s -> secrets.forEach(v -> assertThat(s).doesNotContain(v)));
        for (Signing signing : List.of(Signing.NONE, Signing.WRONG)) {
            try {
                connector.receive(push(payload().getBytes(partnerCharset()), signing));
            } catch (ConnectorException e) {
                secrets.forEach(v -> assertThat(e.getMessage()).as("refusal of a push signed %s", signing).doesNotContain(v));
            }
        }
    }

    @Test
    void stopIsIdempotent() throws Exception {
        PushConnector connector = start(settings());
        connector.stop();
        connector.stop();
    }

    // ---- assertions ----

    /** Asserts that the request is refused with this reason and a message that shows no secret. */
    protected final void assertRefused(PushConnector connector, PushRequest request, ConnectorException.Reason reason) {
        RecordBatch batch;
        try {
            batch = connector.receive(request);
        } catch (ConnectorException e) {
            assertThat(e.reason()).as("reason of: %s", e.getMessage()).isEqualTo(reason);
            assertThat(e.getMessage()).as("the refusal says why").isNotBlank();
            SettingsContract.secretValues(provider(), settings())
                    .forEach(v -> assertThat(e.getMessage()).as("the refusal shows no secret").doesNotContain(v));
            return;
        } catch (RuntimeException e) {
            throw new AssertionError("an unchecked exception instead of a refusal (" + reason + "): " + e, e);
        }
        fail("%s was accepted with %d records (%s); expected a refusal as %s", request, batch.size(),
                batch.records().stream().map(SourceRecord::position).toList(), reason);
    }

    private void assertAcknowledgement(PushReply reply) {
        assertThat(reply.status()).as("acknowledgement status").isBetween(200, 299);
        JsonNode want = jsonOrNull(expectedAcknowledgement());
        if (want == null) {
            assertThat(reply.body()).as("acknowledgement body").isEqualTo(expectedAcknowledgement());
        } else {
            assertThat(jsonOrNull(reply.body())).as("acknowledgement body %s", reply.body()).isEqualTo(want);
        }
    }

    private static JsonNode jsonOrNull(String text) {
        try {
            JsonNode node = JSON.readTree(text);
            return node != null && node.isContainerNode() ? node : null;
        } catch (Exception e) {
            return null;
        }
    }
}
