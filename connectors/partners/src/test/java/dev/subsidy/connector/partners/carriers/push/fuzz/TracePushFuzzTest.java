package dev.subsidy.connector.partners.carriers.push.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.subsidy.connector.api.ConnectorException;
import dev.subsidy.connector.api.PushConnector;
import dev.subsidy.connector.api.PushRequest;
import dev.subsidy.connector.api.RecordBatch;
import dev.subsidy.connector.api.RequestSigner;
import dev.subsidy.connector.api.Secret;
import dev.subsidy.connector.api.SignableRequest;
import dev.subsidy.connector.api.SignatureResult;
import dev.subsidy.connector.api.SourceRecord;
import dev.subsidy.connector.partners.carriers.push.PushForm;
import dev.subsidy.connector.partners.carriers.push.TracePushProvider;
import dev.subsidy.connector.signers.CainiaoSigner;
import dev.subsidy.connector.signers.JtSigner;
import dev.subsidy.connector.signers.StoSigner;
import dev.subsidy.connector.signers.ZtoSigner;
import dev.subsidy.connector.testkit.TestConnectorContext;
import dev.subsidy.mapping.Mapping;
import dev.subsidy.mapping.MappingCatalog;
import dev.subsidy.mapping.MappingLoadException;
import dev.subsidy.mapping.MappingResult;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A carrier's trace push, whatever it holds, is refused as a whole (a signature that does not match:
 * UNAUTHORIZED; a payload that cannot be read: BAD_PAYLOAD) or cut into records, each of which the
 * carrier's mapping turns into standard records or rejects with a reason. Nothing else may escape:
 * the gateway would answer the carrier 500 and the carrier would resend it forever.
 *
 * <p>An input is the carrier ({@code zto}, {@code sf}, … on the first line; another first line picks
 * one by its hash), the signature on the second line ({@code sign} puts the right one where the carrier
 * puts it, so the fuzzer reaches the payload; any other text is sent as the signature itself), and the
 * body: JSON for the carriers that post JSON, a form for the others.
 */
class TracePushFuzzTest {

    private static final String SECRET = "fuzz-secret";

    /** How each carrier signs its pushes: over which form field (or the body), into which header or field. */
    private record Scheme(String carrier, boolean form, String signedField, String digest, boolean digestInHeader,
                          RequestSigner signer) {}

    private static final List<Scheme> SCHEMES = List.of(
            new Scheme("zto", false, null, "x-dataDigest", true, new ZtoSigner()),
            new Scheme("kuaidi100", true, "param", "sign", false, null),
            new Scheme("sf", false, null, null, false, null),
            new Scheme("sto", true, "content", "data_digest", false, new StoSigner()),
            new Scheme("cainiao", true, "logistics_interface", "data_digest", false, new CainiaoSigner()),
            new Scheme("jt", true, "bizContent", "digest", true, new JtSigner()),
            new Scheme("yunda", false, null, null, false, null),
            new Scheme("yto", false, null, null, false, null),
            new Scheme("jd", false, null, null, false, null));

    private static final Map<String, PushConnector> CONNECTORS = new LinkedHashMap<>();
    private static MappingCatalog mappings;


    // fuzzed in mvn verify for fuzz.seconds (root pom); without a limit of its own when fuzzed by hand
    @FuzzTest(maxDuration = "")
    void aPushIsRefusedWithAReasonOrEveryRecordIsMappedOrRejected(byte[] input) throws Exception {
        int first = lineEnd(input, 0);
        int second = lineEnd(input, first + 1);
        Scheme scheme = scheme(text(input, 0, first));
        String signature = text(input, first + 1, second);
        byte[] body = second < input.length ? Arrays.copyOfRange(input, second + 1, input.length) : new byte[0];

        PushRequest request = request(scheme, body, signature);
        RecordBatch batch;
        try {
            batch = connector(scheme).receive(request);
        } catch (ConnectorException e) {
            if (e.reason() != ConnectorException.Reason.UNAUTHORIZED && e.reason() != ConnectorException.Reason.BAD_PAYLOAD
                    || e.getMessage() == null || e.getMessage().isBlank()) {
                throw new AssertionError("refused as " + e.reason() + " without a reason the carrier's operator can act on", e);
            }
            if (e.getMessage().contains(SECRET)) {
                throw new AssertionError("the refusal shows the secret: " + e.getMessage());
            }
            return;
        }
        Mapping mapping = mappings().get(scheme.carrier() + "-trace-push");
        for (SourceRecord record : batch.records()) {
            MappingResult result = mapping.apply(record);
            if (result instanceof MappingResult.Rejected rejected && (rejected.reason() == null || rejected.reason().isBlank())) {
                throw new AssertionError("a record rejected without a reason: " + record.position());
            }
        }
    }

    /** Where the line starting at {@code from} ends: its newline, or the end of the input. */
    private static int lineEnd(byte[] input, int from) {
        for (int i = from; i < input.length; i++) {
            if (input[i] == '\n') {
                return i;
            }
        }
        return input.length;
    }

    private static String text(byte[] input, int from, int to) {
        return from >= to ? "" : new String(input, from, to - from, StandardCharsets.UTF_8).strip();
    }

    private static Scheme scheme(String name) {
        String wanted = name.toLowerCase(Locale.ROOT);
        return SCHEMES.stream().filter(s -> s.carrier().equals(wanted)).findFirst()
                .orElse(SCHEMES.get(Math.floorMod(name.hashCode(), SCHEMES.size())));
    }

    /** The request as the gateway hands it over; with {@code sign}, carrying the signature the carrier would compute. */
    private static PushRequest request(Scheme scheme, byte[] body, String signature) {
        String contentType = scheme.form() ? "application/x-www-form-urlencoded;charset=UTF-8" : "application/json;charset=UTF-8";
        Map<String, List<String>> headers = new LinkedHashMap<>();
        Map<String, List<String>> params = new LinkedHashMap<>();
        if (scheme.digest() != null) {
            String value = signature;
            if ("sign".equals(signature)) {
                value = rightSignature(scheme, new PushRequest(contentType, Map.of(), Map.of(), body));
            }
            if (value != null) {
                (scheme.digestInHeader() ? headers : params).put(scheme.digest(), List.of(value));
            }
        }
        return new PushRequest(contentType, headers, params, body);
    }

    /** The signature over what the verifier will read from the request, or null when it has nothing to sign. */
    private static String rightSignature(Scheme scheme, PushRequest unsigned) {
        if (scheme.signedField() == null) {
            if (unsigned.bodyText().isEmpty()) {
                return null;
            }
            SignatureResult r = scheme.signer().sign(SignableRequest.builder().body(unsigned.bodyText()).secret(Secret.of(SECRET)).build());
            return r.headers().get(scheme.digest());
        }
        String payload = PushForm.fields(unsigned).get(scheme.signedField());
        if (payload == null || payload.isEmpty()) {
            return null;
        }
        if (scheme.signer() == null) { // kuaidi100: upper-case hex MD5(param + salt)
            return md5UpperHex(payload + SECRET);
        }
        SignatureResult r = scheme.signer().sign(SignableRequest.builder().param(scheme.signedField(), payload)
                .secret(Secret.of(SECRET)).build());
        return scheme.digestInHeader() ? r.headers().get(scheme.digest()) : r.params().get(scheme.digest());
    }

    private static PushConnector connector(Scheme scheme) throws ConnectorException {
        PushConnector connector = CONNECTORS.get(scheme.carrier());
        if (connector == null) {
            Map<String, String> settings = new LinkedHashMap<>();
            settings.put(TracePushProvider.CARRIER, scheme.carrier());
            if (scheme.digest() != null) {
                settings.put(TracePushProvider.VERIFY_SECRET, SECRET);
            }
            TracePushProvider provider = new TracePushProvider();
            connector = (PushConnector) provider.create();
            connector.start(TestConnectorContext.builder(provider.configDef()).settings(settings).build());
            CONNECTORS.put(scheme.carrier(), connector);
        }
        return connector;
    }

    private static MappingCatalog mappings() throws MappingLoadException {
        if (mappings == null) {
            mappings = MappingCatalog.loadClasspath(TracePushFuzzTest.class.getClassLoader(), "mappings");
        }
        return mappings;
    }

    private static String md5UpperHex(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)))
                    .toUpperCase(Locale.ROOT);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has MD5", e);
        }
    }
}
