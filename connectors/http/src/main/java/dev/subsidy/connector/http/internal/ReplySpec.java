package dev.subsidy.connector.http.internal;

import static dev.subsidy.connector.http.HttpPullSettings.*;

import com.fasterxml.jackson.core.JsonPointer;
import dev.subsidy.connector.api.ConnectorConfig;
import java.util.List;
import java.util.Set;

/**
 * How replies are read: where the records are, and how the partner's error bodies are told apart.
 * Immutable.
 *
 * @param records where the records are ({@link JsonPointer#empty()} for the whole reply)
 * @param errorCode where an error body holds its code, tried in order
 * @param errorMessage where an error body holds its message, tried in order
 * @param successCodes codes that mean success (empty: any code present is an error)
 * @param rateLimitedCodes codes meaning the partner's rate limit
 * @param unauthorizedCodes codes meaning refused credentials
 * @param transientCodes codes meaning a temporary failure
 */
record ReplySpec(JsonPointer records, List<JsonPointer> errorCode, List<JsonPointer> errorMessage,
                 Set<String> successCodes, Set<String> rateLimitedCodes, Set<String> unauthorizedCodes,
                 Set<String> transientCodes) {

    static ReplySpec from(ConnectorConfig c) {
        return new ReplySpec(PagingSpec.pointer(c, RECORDS_PATH).orElse(JsonPointer.empty()),
                pointers(c, ERROR_CODE_PATH), pointers(c, ERROR_MESSAGE_PATH),
                Set.copyOf(c.getList(SUCCESS_CODES)), Set.copyOf(c.getList(RATE_LIMITED_CODES)),
                Set.copyOf(c.getList(UNAUTHORIZED_CODES)), Set.copyOf(c.getList(TRANSIENT_CODES)));
    }

    private static List<JsonPointer> pointers(ConnectorConfig c, String name) {
        return c.getList(name).stream().map(JsonPointer::compile).toList();
    }
}
