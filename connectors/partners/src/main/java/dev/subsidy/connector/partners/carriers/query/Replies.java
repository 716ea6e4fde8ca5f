package dev.subsidy.connector.partners.carriers.query;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.subsidy.connector.api.ConnectorException;
import dev.subsidy.connector.api.ConnectorException.Reason;
import dev.subsidy.connector.api.HttpReply;
import dev.subsidy.connector.api.SignableRequest;
import dev.subsidy.connector.api.SignatureResult;
import dev.subsidy.connector.api.SourceRecord;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;

/**
 * Reading replies and writing records, shared by the carriers' protocols. Numbers are read as exact
 * decimals (a weight stays what the carrier wrote). Stateless; the mapper is thread-safe once built.
 */
final class Replies {

    static final ObjectMapper JSON = JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

    /** Longest quote of a carrier's message in an exception. */
    private static final int QUOTE = 200;

    private Replies() {
    }

    /**
     * The reply as JSON, after its HTTP status: 401/403 unauthorized, 429 rate limited, 408 and 5xx
     * transient (each with the carrier's {@code Retry-After}), 404 a configuration error, anything
     * else not 2xx fatal, a body that is not JSON a bad payload.
     */
    static JsonNode read(String carrier, HttpReply reply, Clock clock) throws ConnectorException {
        Duration retryAfter = reply.retryAfter(ZonedDateTime.now(clock)).orElse(null);
        int status = reply.status();
        if (status == 401 || status == 403) {
            throw new ConnectorException(Reason.UNAUTHORIZED, carrier + " refused the credentials: HTTP " + status);
        }
        if (status == 429) {
            throw new ConnectorException(Reason.RATE_LIMITED, carrier + " rate limit: HTTP 429", retryAfter, null);
        }
        if (status == 408 || status >= 500) {
            throw new ConnectorException(Reason.TRANSIENT, carrier + " failed: HTTP " + status, retryAfter, null);
        }
        if (status == 404) {
            throw new ConnectorException(Reason.CONFIGURATION, carrier + " trace API not found (check base_url and path): HTTP 404");
        }
        if (!reply.isSuccess()) {
            throw new ConnectorException(Reason.FATAL, carrier + " refused the request: HTTP " + status);
        }
        try {
            JsonNode root = JSON.readTree(reply.body());
            if (root == null || root.isMissingNode() || !root.isContainerNode()) {
                throw new ConnectorException(Reason.BAD_PAYLOAD, carrier + " answered with an empty or non-JSON body");
            }
            return root;
        } catch (IOException e) {
            throw new ConnectorException(Reason.BAD_PAYLOAD, carrier + " answered something that is not JSON", e);
        }
    }

    /** JSON that is itself a JSON string's content (SF's apiResultData). */
    static JsonNode parseEmbedded(String carrier, String field, String text) throws ConnectorException {
        try {
            JsonNode node = JSON.readTree(text);
            if (node == null || !node.isObject()) {
                throw badShape(carrier, field + " is not a JSON object");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new ConnectorException(Reason.BAD_PAYLOAD, carrier + ": " + field + " is not JSON", e);
        }
    }

    /** The carrier's error, with the reason its code has. */
    static ConnectorException refused(String carrier, String code, String message, ErrorCodes codes) {
        String text = message == null ? "" : message.length() <= QUOTE ? message : message.substring(0, QUOTE) + "…";
        return new ConnectorException(codes.reasonOf(code), carrier + " error " + code + (text.isEmpty() ? "" : ": " + text));
    }

    /** A reply that is JSON but not the documented shape. */
    static ConnectorException badShape(String carrier, String what) {
        return new ConnectorException(Reason.BAD_PAYLOAD, carrier + " reply: " + what);
    }

    /** Text of a field that may be a string, a number or a boolean; {@code null} when absent. */
    static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() || v.isContainerNode() ? null : v.asText();
    }

    /** Whether a flag is true, written as a boolean or as text ({@code "true"}). */
    static boolean isTrue(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v != null && (v.isBoolean() ? v.booleanValue() : "true".equalsIgnoreCase(v.asText()));
    }

    /** Compact JSON text. */
    static String write(JsonNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }

    /** How a record's position names its waybill: {@code "waybill <number>"}. */
    static final String POSITION = "waybill ";

    /** A record of one waybill. */
    static SourceRecord record(String waybill, JsonNode node) {
        return SourceRecord.json(POSITION + waybill, write(node));
    }

    /** Signs a request with the call's signer and secret. */
    static SignatureResult sign(QueryCall call, SignableRequest.Builder request) {
        return call.signer().sign(request.secret(call.secret()).build());
    }
}
