package dev.subsidy.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.schibsted.spt.data.jslt.Expression;
import com.schibsted.spt.data.jslt.JsltException;
import dev.subsidy.connector.api.SourceRecord;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One compiled mapping: turns a partner's native record into standard records.
 *
 * <p><b>Pure and thread-safe.</b> {@link #apply} depends only on the record and the parameters (no
 * clock, no I/O, no state kept between calls), so the same input always maps to the same output; one
 * instance serves every thread at once (JSLT expressions are immutable once compiled).
 *
 * <p><b>Parameters.</b> What a partner's record does not say but the connector definition knows
 * (the shop a Pinduoduo token belongs to, whether a Taobao shop sells B2C or C2C, the carrier of a
 * branch's export) reaches the mapping as the JSON object {@code $params}: text values by name, empty
 * when the definition gives none. A mapping reads {@code fallback($params.channel, "C2C")}.
 *
 * <p>A record is rejected, never dropped and never thrown for, when the mapping calls
 * {@code error("…")} (the reason is exactly that message), when the mapping fails at run time (a
 * function refuses its argument, a division by zero), when its output is not an object or an array of
 * objects, or when the connector could not read the record in the first place.
 */
public final class Mapping {

    /** JSLT prefixes the message of {@code error("…")} with this; the mapping's own words are after it. */
    private static final String ERROR_PREFIX = "error: ";

    private final String name;
    private final String origin;
    private final Expression expression;

    Mapping(String name, String origin, Expression expression) {
        this.name = Objects.requireNonNull(name, "name");
        this.origin = Objects.requireNonNull(origin, "origin");
        this.expression = Objects.requireNonNull(expression, "expression");
    }

    /** The mapping's name (its file name without {@code .jslt}). */
    public String name() {
        return name;
    }

    /** Where the mapping was loaded from. */
    public String origin() {
        return origin;
    }

    /** The variable that holds the parameters, {@code $params} in a mapping. */
    public static final String PARAMS = "params";

    /** {@link #apply(SourceRecord, Map)} without parameters ({@code $params} is an empty object). */
    public MappingResult apply(SourceRecord record) {
        return apply(record, Map.of());
    }

    /**
     * The standard records this record becomes, or why it cannot be mapped. Never throws.
     *
     * @param record the source record
     * @param parameters the connector definition's mapping parameters, {@code $params} in the mapping
     */
    public MappingResult apply(SourceRecord record, Map<String, String> parameters) {
        String position = record.position();
        JsonNode input;
        try {
            input = RecordInput.of(record);
        } catch (RecordInput.UnreadableRecordException e) {
            return new MappingResult.Rejected(position, name, e.getMessage());
        }
        JsonNode output;
        try {
            output = expression.apply(Map.of(PARAMS, params(parameters)), input);
        } catch (JsltException e) {
            return new MappingResult.Rejected(position, name, ownMessage(e));
        } catch (RuntimeException | StackOverflowError e) {
            // JSLT lets some Java failures through as they are (1 / 0 is an ArithmeticException);
            // a recursive mapping function can overflow the stack on a deep record
            return new MappingResult.Rejected(position, name, "mapping failed: " + e);
        }
        MappingOutput shape = MappingOutput.of(output);
        if (shape.problem() != null) {
            return new MappingResult.Rejected(position, name, shape.problem());
        }
        return new MappingResult.Mapped(position, shape.records());
    }

    private static JsonNode params(Map<String, String> parameters) {
        ObjectNode params = JsonNodeFactory.instance.objectNode();
        new TreeMap<>(parameters).forEach(params::put);
        return params;
    }

    private static String ownMessage(JsltException e) {
        String message = e.getMessageWithoutLocation();
        if (message == null) {
            return e.toString();
        }
        return message.startsWith(ERROR_PREFIX) ? message.substring(ERROR_PREFIX.length()) : message;
    }

    @Override
    public String toString() {
        return "Mapping[" + name + " from " + origin + "]";
    }
}
