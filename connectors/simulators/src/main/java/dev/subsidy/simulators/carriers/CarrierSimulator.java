package dev.subsidy.simulators.carriers;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Request;
import dev.subsidy.connector.testkit.Partner;
import dev.subsidy.connector.testkit.PartnerApi;
import dev.subsidy.connector.testkit.TestRecord;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A carrier's trace API as the carrier runs it: it checks the signature the way the carrier does
 * (computed here with {@link Digest}, never with the signer under test) and answers a wrong one with
 * the carrier's own error; it refuses calls over its rate limit with the carrier's own error; and it
 * answers the waybills it knows with {@link Scan#TRACE} in the carrier's documented field shapes.
 *
 * <p>Known waybills: the records a contract test serves, and the carrier's real-looking waybill used
 * by the mapping test. The rate limit is deterministic: the calls listed in {@link #limitCalls} (or
 * every call, after {@link #limitEveryCall}) are over the limit, as a burst above the carrier's QPS
 * would be. Thread-safe: WireMock answers from its own threads.
 */
public abstract class CarrierSimulator implements PartnerApi {

    static final ObjectMapper JSON = new ObjectMapper();
    public static final String APP_KEY = "sim-account-01";
    public static final String SECRET = "sim-secret-S3cr3t";

    private final Set<String> known = ConcurrentHashMap.newKeySet();
    private final Set<Integer> limited = ConcurrentHashMap.newKeySet();
    private final AtomicInteger calls = new AtomicInteger();
    private volatile boolean limitAll;

    CarrierSimulator(String realWaybill) {
        known.add(realWaybill);
    }

    /** The URL path of the trace API. */
    abstract String path();

    /** Whether the request carries the signature the carrier computes (and the account it expects). */
    abstract boolean signedCorrectly(Request request);

    /** The waybills the request asks about. */
    abstract List<String> asked(Request request);

    /** The carrier's reply: the given waybills' traces ({@code withScans} are known, the others have none). */
    abstract String reply(List<String> asked, Set<String> withScans);

    /** The carrier's answer to a wrong signature. */
    abstract ResponseDefinitionBuilder signatureRefused();

    /** The carrier's answer to a call over its rate limit. */
    abstract ResponseDefinitionBuilder overLimit();

    /** Calls (counted from 1) answered with the rate-limit error. */
    public void limitCalls(Integer... numbers) {
        limited.addAll(List.of(numbers));
    }

    /** Every call is over the limit from now on. */
    public void limitEveryCall() {
        limitAll = true;
    }

    @Override
    public void serve(Partner partner, List<TestRecord> records) {
        records.forEach(r -> known.add(r.id()));
        partner.respond(post(urlPathEqualTo(path())), this::answer);
    }

    private ResponseDefinitionBuilder answer(Request request) {
        if (!signedCorrectly(request)) {
            return signatureRefused();
        }
        int call = calls.incrementAndGet();
        if (limitAll || limited.contains(call)) {
            return overLimit();
        }
        List<String> asked = asked(request);
        Set<String> withScans = Set.copyOf(asked.stream().filter(known::contains).toList());
        return json(reply(asked, withScans));
    }

    /** A 200 JSON reply, as these carriers answer errors too. */
    static ResponseDefinitionBuilder json(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json;charset=UTF-8").withBody(body);
    }

    static ResponseDefinitionBuilder json(Object body) {
        try {
            return json(JSON.writeValueAsString(body));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** The request's form fields. */
    static Map<String, String> form(Request request) {
        return Digest.form(request.getBodyAsString());
    }

    /** A JSON text's tree. */
    static com.fasterxml.jackson.databind.JsonNode tree(String text) {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + text, e);
        }
    }

    /** Waybills that have scans, in the order asked. */
    static List<String> known(List<String> asked, Set<String> withScans) {
        return asked.stream().filter(withScans::contains).toList();
    }
}
