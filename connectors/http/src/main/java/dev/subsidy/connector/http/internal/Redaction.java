package dev.subsidy.connector.http.internal;

import java.util.regex.Pattern;

/**
 * Describes a transport exception for a message without what might be secret in it: a URL's query
 * string (API keys, access tokens and signatures travel there) is cut off. Stateless.
 */
final class Redaction {

    private static final Pattern QUERY = Pattern.compile("\\?\\S*");

    private Redaction() {
    }

    /** {@code ConnectException: Connect to http://host:8080 failed}, queries removed. */
    static String of(Throwable e) {
        String message = e.getMessage() == null ? "" : ": " + QUERY.matcher(e.getMessage()).replaceAll("?…");
        return e.getClass().getSimpleName() + message;
    }
}
