package dev.subsidy.connector.signers;

import dev.subsidy.connector.api.SignableRequest;

/** Reading a request's inputs, with messages that name what is missing and never show values. */
final class Inputs {

    private Inputs() {
    }

    /** A parameter the scheme needs. */
    static String param(String signer, SignableRequest request, String name) {
        return request.param(name).orElseThrow(() -> missing(signer, "parameter '" + name + "'"));
    }

    /** A parameter, or else an attribute, the scheme needs. */
    static String paramOrAttribute(String signer, SignableRequest request, String name) {
        return request.paramOrAttribute(name).orElseThrow(() -> missing(signer, "parameter or attribute '" + name + "'"));
    }

    /** The raw body the scheme signs (must not be empty). */
    static String body(String signer, SignableRequest request) {
        if (request.body().isEmpty()) {
            throw missing(signer, "request body");
        }
        return request.body();
    }

    /** The secret, which must not be empty. */
    static String secret(String signer, SignableRequest request) {
        if (request.secret().isEmpty()) {
            throw missing(signer, "secret");
        }
        return request.secret().reveal();
    }


    static IllegalArgumentException missing(String signer, String what) {
        return new IllegalArgumentException(signer + " signature needs the " + what);
    }
}
