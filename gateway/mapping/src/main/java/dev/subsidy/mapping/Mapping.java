package dev.subsidy.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.schibsted.spt.data.jslt.JsltException;
import com.schibsted.spt.data.jslt.impl.ExpressionImpl;
import dev.subsidy.connector.api.SourceRecord;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * One compiled mapping: turns a partner's native record into standard records.
 *
 * <p><b>Pure and thread-safe.</b> {@link #apply} depends only on the record and the parameters (no
 * I/O, no state kept between calls; the clock only for its time budget), so the same input always maps
 * to the same output; one instance serves every thread at once (JSLT expressions are immutable once
 * compiled).
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
 *
 * <p><b>Limits.</b> A mapping runs in a sandbox ({@link MappingLimits}): it reads only its record and
 * its parameters (imports resolve among the gateway's own mappings when compiled; no file, class-path
 * or network access), and a record is rejected, naming the mapping and the limit, when the mapping
 * runs over its time budget (the work stops there), builds a value or gives an output over its size.
 */
public final class Mapping {

    /** JSLT prefixes the message of {@code error("…")} with this; the mapping's own words are after it. */
    private static final String ERROR_PREFIX = "error: ";

    private final String name;
    private final String origin;
    private final String text;
    private final ExpressionImpl expression;
    private final MappingAnalysis.Result analysis;
    private final MappingLimits limits;
    private final Set<String> imports;

    Mapping(String name, String origin, String text, ExpressionImpl expression, MappingAnalysis.Result analysis,
            MappingLimits limits, Set<String> imports) {
        this.name = Objects.requireNonNull(name, "name");
        this.origin = Objects.requireNonNull(origin, "origin");
        this.text = Objects.requireNonNull(text, "text");
        this.expression = Objects.requireNonNull(expression, "expression");
        this.analysis = Objects.requireNonNull(analysis, "analysis");
        this.limits = Objects.requireNonNull(limits, "limits");
        this.imports = Set.copyOf(imports);
    }

    /** The mapping's name (its file name without {@code .jslt}). */
    public String name() {
        return name;
    }

    /** Where the mapping was loaded from. */
    public String origin() {
        return origin;
    }

    /** The names of the mappings it imports (compiled into it: a later change to one needs a new compile). */
    public Set<String> imports() {
        return imports;
    }

    /** The limits it was compiled with and runs under. */
    public MappingLimits limits() {
        return limits;
    }

    /** How deep one evaluation can go, in nested expressions through every call (at most {@code max-depth}). */
    public int depth() {
        return analysis.depth();
    }

    /** Its JSLT text, as compiled (a mapping that imports it compiles it in). */
    public String text() {
        return text;
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
        RecordBudget budget = RecordBudget.start(limits, input);
        JsonNode output;
        try (RecordBudget.Entered entered = budget.enter()) {
            BudgetedScope scope = new BudgetedScope(analysis.stackFrameSize(), budget);
            Integer slot = analysis.parameterSlots().get(PARAMS);
            if (slot != null) {
                scope.setValue(slot, params(parameters));
            }
            output = expression.apply(scope, input);
        } catch (RecordBudget.Exceeded e) {
            return overLimit(position, e.limit());
        } catch (JsltException e) {
            return budget.tripped() != null ? overLimit(position, budget.tripped())
                    : new MappingResult.Rejected(position, name, ownMessage(e));
        } catch (RuntimeException | StackOverflowError e) {
            // JSLT lets some Java failures through as they are (1 / 0 is an ArithmeticException)
            return budget.tripped() != null ? overLimit(position, budget.tripped())
                    : new MappingResult.Rejected(position, name, "mapping failed: " + e);
        } catch (OutOfMemoryError e) {
            // one oversized allocation of this mapping's (text repeated from the record), refused by the JVM
            return new MappingResult.Rejected(position, name, "mapping '" + name + "' needed more memory than the gateway has");
        }
        if (budget.tripped() != null) {
            // JSLT swallowed the stop (from-json with a fallback) and went on: the record is still over its budget
            return overLimit(position, budget.tripped());
        }
        MappingOutput shape = MappingOutput.of(output);
        if (shape.problem() != null) {
            return new MappingResult.Rejected(position, name, shape.problem());
        }
        if (!MappingOutput.fits(shape.records(), limits.maxOutputBytes())) {
            return new MappingResult.Rejected(position, name, "mapping '" + name + "' gave more than its limit of "
                    + limits.maxOutputBytes() + " bytes of output (max-output-bytes)");
        }
        return new MappingResult.Mapped(position, shape.records());
    }

    private MappingResult.Rejected overLimit(String position, RecordBudget.Limit limit) {
        String reason = switch (limit) {
            case TIME -> "mapping '" + name + "' ran over its time budget of " + limits.budgetText();
            case VALUE -> "mapping '" + name + "' built a value larger than its limit of " + limits.maxOutputBytes()
                    + " bytes or twice its record (max-output-bytes)";
        };
        return new MappingResult.Rejected(position, name, reason);
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
