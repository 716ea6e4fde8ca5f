package dev.subsidy.runtime;

import dev.subsidy.connector.api.ConnectorException;
import java.util.Comparator;
import java.util.List;

/**
 * Removes one connector's secret values from text before it is logged or shown: a connector (or a
 * library it uses) that puts a secret in an exception message must not leak it through the gateway.
 * Immutable and thread-safe; holds the values only to find them.
 */
public final class Redactor {

    static final String MASK = "****";

    private final List<String> secrets;

    public Redactor(List<String> secrets) {
        // longest first, so a secret containing another is masked whole
        this.secrets = secrets.stream().filter(s -> s != null && !s.isEmpty())
                .sorted(Comparator.comparingInt(String::length).reversed()).toList();
    }

    public String redact(String text) {
        if (text == null) {
            return null;
        }
        String out = text;
        for (String s : secrets) {
            out = out.replace(s, MASK);
        }
        return out;
    }

    /** One line for the operator: the exception's class and message, and its causes', redacted. */
    public String describe(Throwable failure) {
        StringBuilder sb = new StringBuilder();
        Throwable t = failure;
        for (int depth = 0; t != null && depth < 5; depth++, t = t.getCause()) {
            if (depth > 0) {
                sb.append("; caused by ");
            }
            String message = t.getMessage();
            sb.append(t instanceof ConnectorException ce ? ce.reason().name() : t.getClass().getSimpleName());
            if (message != null && !message.isBlank()) {
                sb.append(": ").append(message);
            }
        }
        return redact(sb.toString());
    }

    /**
     * A copy of the exception for a log with its stack trace: same classes' names, same frames,
     * messages redacted. The original may carry the secret in its message or its causes'.
     */
    public Throwable copy(Throwable failure) {
        if (failure == null) {
            return null;
        }
        RedactedException copy = new RedactedException(failure.getClass().getName() + ": " + redact(failure.getMessage()),
                copy(failure.getCause() == failure ? null : failure.getCause()));
        copy.setStackTrace(failure.getStackTrace());
        return copy;
    }

    /** Stands for an exception whose message was redacted. */
    static final class RedactedException extends Exception {
        private static final long serialVersionUID = 1L;

        RedactedException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
