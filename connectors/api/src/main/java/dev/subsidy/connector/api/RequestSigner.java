package dev.subsidy.connector.api;

/**
 * The service-provider interface of a partner's request-signature scheme (ZTO's {@code x-dataDigest},
 * Taobao TOP's {@code sign}, …): found with {@link java.util.ServiceLoader} (list implementations in
 * {@code META-INF/services/dev.subsidy.connector.api.RequestSigner}) and selected by {@link #name()},
 * which HTTP connector definitions name in their authentication section.
 *
 * <p>A signer is a pure function: it reads the request and its secret and returns the headers and
 * parameters to add; it does no I/O, reads no clock and keeps no state (a timestamp that takes part in
 * the signature is a parameter the caller sets). It is thread-safe and may be called concurrently.
 * Simulators in tests verify a request by signing it again and comparing.
 *
 * <p>An implementation has a public no-argument constructor. It never logs the request, the secret
 * or the signature, and its exception messages name missing inputs but never values.
 */
public interface RequestSigner {

    /** The scheme's name, unique and stable: lower case, such as {@code zto}, {@code taobao-hmac}. */
    String name();

    /**
     * Computes the signature of a request.
     *
     * @return the headers and parameters to add to the request (replacing any of the same name)
     * @throws IllegalArgumentException when an input the scheme needs is missing (the message names it)
     */
    SignatureResult sign(SignableRequest request);
}
