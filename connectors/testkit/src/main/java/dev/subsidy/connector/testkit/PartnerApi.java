package dev.subsidy.connector.testkit;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import java.util.List;

/**
 * A connector test's description of its partner's API as WireMock stubs: how the API serves a given
 * list of records (its paging, its record shape, its checks of credentials or signatures).
 *
 * <p>The contract tests call {@link #serve} once per test, before the connector polls, then add
 * failures (401, 429, malformed bodies) with {@link #anyCall()} at priority 1, above the API's own
 * stubs (which must therefore keep WireMock's default priority or a lower one, i.e. a number above 1).
 */
public interface PartnerApi {

    /**
     * Registers stubs that serve exactly these records the way the API pages them. With the settings
     * of the test, the records must take several pages. A simulator that checks credentials answers a
     * wrong one the way the partner does (a 401, or the partner's own error body).
     *
     * @param partner the simulated partner to register the stubs on
     * @param records the records to serve; may be empty
     */
    void serve(Partner partner, List<TestRecord> records);

    /**
     * A new request pattern matching every call the connector makes to this API; the contract tests
     * stub failures with it. The default matches any request.
     */
    default MappingBuilder anyCall() {
        return any(anyUrl());
    }
}
