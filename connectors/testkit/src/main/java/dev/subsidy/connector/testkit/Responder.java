package dev.subsidy.connector.testkit;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Request;

/**
 * Computes a reply from a request: for partner simulators whose answer depends on the request
 * (a time window, a page number, a signature to verify), which fixed WireMock stubs cannot express.
 * Registered with {@link Partner#respond}.
 *
 * <p>Called on WireMock's request threads: an implementation must be thread-safe (a pure function of
 * the request and of data fixed before the test polls is).
 */
@FunctionalInterface
public interface Responder {

    /** The reply to this request. */
    ResponseDefinitionBuilder respond(Request request);
}
