package dev.subsidy.connector.http.internal;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.subsidy.connector.api.ConnectorException;
import dev.subsidy.connector.api.ConnectorException.Reason;
import dev.subsidy.connector.api.HttpReply;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Reads a reply into a {@link Page}: errors first ({@link ErrorClassifier}), then the records at
 * {@code records_path} and the paging fields (total, total pages, has-next flag, next cursor).
 *
 * <p>A body that is not JSON is {@link Reason#BAD_PAYLOAD}, as is a records path that holds a
 * number or text. A missing or null records path is an empty page: partners such as Taobao leave the
 * list out when it is empty. Items that are not objects are passed on as they are; the connector
 * turns them into unreadable records. Stateless apart from its settings; thread-safe.
 */
final class ReplyReader {

    /** Longest excerpt of a body that is not JSON in a message. */
    private static final int EXCERPT = 80;

    private final ReplySpec spec;
    private final PagingSpec paging;
    private final ObjectMapper json;
    private final ErrorClassifier errors;

    ReplyReader(ReplySpec spec, PagingSpec paging, ObjectMapper json, ErrorClassifier errors) {
        this.spec = spec;
        this.paging = paging;
        this.json = json;
        this.errors = errors;
    }

    Page read(HttpReply reply) throws ConnectorException {
        JsonNode root = parse(reply);
        errors.check(reply, root);
        if (root == null) {
            String text = reply.bodyText().strip();
            throw new ConnectorException(Reason.BAD_PAYLOAD, "reply is not JSON (HTTP " + reply.status() + ", "
                    + reply.body().length + " bytes): " + (text.length() <= EXCERPT ? text : text.substring(0, EXCERPT) + "…"));
        }
        return new Page(items(root), number(root, paging.total()), number(root, paging.totalPages()),
                flag(root, paging.hasNext()), cursor(root, paging.nextCursor()));
    }

    private JsonNode parse(HttpReply reply) {
        if (reply.body().length == 0) {
            return null;
        }
        try {
            JsonNode root = json.readTree(reply.body());
            // trailing garbage after a value is not JSON either
            return root == null || root.isMissingNode() ? null : root;
        } catch (IOException e) {
            return null;
        }
    }

    private List<JsonNode> items(JsonNode root) throws ConnectorException {
        JsonNode at = root.at(spec.records());
        if (at.isMissingNode() || at.isNull()) {
            return List.of();
        }
        if (at.isArray()) {
            List<JsonNode> list = new ArrayList<>(at.size());
            at.forEach(list::add);
            return list;
        }
        if (at.isObject()) {
            return List.of(at);
        }
        throw new ConnectorException(Reason.BAD_PAYLOAD, "records_path " + pointer(spec.records())
                + " holds " + at.getNodeType().name().toLowerCase(Locale.ROOT) + ", not a list of records");
    }

    private static OptionalLong number(JsonNode root, Optional<JsonPointer> at) throws ConnectorException {
        if (at.isEmpty()) {
            return OptionalLong.empty();
        }
        JsonNode n = root.at(at.get());
        if (n.isMissingNode() || n.isNull()) {
            return OptionalLong.empty();
        }
        if (n.canConvertToLong() && n.isIntegralNumber()) {
            return OptionalLong.of(n.asLong());
        }
        try {
            return OptionalLong.of(Long.parseLong(n.asText().trim()));
        } catch (NumberFormatException e) {
            throw new ConnectorException(Reason.BAD_PAYLOAD, pointer(at.get()) + " is not a whole number");
        }
    }

    private static Optional<Boolean> flag(JsonNode root, Optional<JsonPointer> at) throws ConnectorException {
        if (at.isEmpty()) {
            return Optional.empty();
        }
        JsonNode n = root.at(at.get());
        if (n.isMissingNode() || n.isNull()) {
            return Optional.empty();
        }
        if (n.isBoolean()) {
            return Optional.of(n.booleanValue());
        }
        String t = n.asText().trim().toLowerCase(Locale.ROOT);
        return switch (t) {
            case "true", "1", "yes" -> Optional.of(true);
            case "false", "0", "no" -> Optional.of(false);
            default -> throw new ConnectorException(Reason.BAD_PAYLOAD, pointer(at.get()) + " is not a true/false flag");
        };
    }

    private static Optional<String> cursor(JsonNode root, Optional<JsonPointer> at) {
        if (at.isEmpty()) {
            return Optional.empty();
        }
        JsonNode n = root.at(at.get());
        if (n.isMissingNode() || n.isNull() || n.isContainerNode()) {
            return Optional.empty();
        }
        String t = n.asText();
        return t.isBlank() ? Optional.empty() : Optional.of(t);
    }

    private static String pointer(JsonPointer p) {
        String s = p.toString();
        return s.isEmpty() ? "\"\" (the whole reply)" : s;
    }
}
