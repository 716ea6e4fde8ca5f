package dev.subsidy.mapping;

import com.schibsted.spt.data.jslt.Expression;
import com.schibsted.spt.data.jslt.JsltException;
import com.schibsted.spt.data.jslt.Parser;
import com.schibsted.spt.data.jslt.parser.TokenMgrError;
import dev.subsidy.mapping.functions.MappingFunctions;
import java.io.StringReader;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Compiles one mapping's JSLT text, with the extension functions of {@link MappingFunctions}
 * registered. Used by {@link MappingCatalog} and by whoever checks a mapping before it is saved (the
 * admin API's validate). Stateless and thread-safe.
 */
public final class MappingCompiler {

    /**
     * JavaCC's parse errors say where the unexpected token is ("… at line 3, column 1."), while the
     * location JSLT attaches is the start of the construct it was parsing, often a line earlier: the
     * token's place is what an operator needs to see.
     */
    private static final Pattern TOKEN_PLACE = Pattern.compile("at line (\\d+), column (\\d+)");

    private MappingCompiler() {}

    /**
     * The compiled mapping.
     *
     * @throws MappingLoadException with the one problem (origin, line, column, JSLT's message)
     */
    public static Mapping compile(MappingSource source) throws MappingLoadException {
        Compiled result = tryCompile(source);
        if (result.problem() != null) {
            throw new MappingLoadException(List.of(result.problem()));
        }
        return result.mapping();
    }

    /** The mapping, or the problem that prevents compiling it: exactly one of the two is set. */
    record Compiled(Mapping mapping, MappingProblem problem) {
    }

    /** Compiles without throwing, so a catalog can gather every file's problem. */
    static Compiled tryCompile(MappingSource source) {
        try {
            Expression expression = new Parser(new StringReader(source.text()))
                    .withSource(source.origin())
                    .withFunctions(MappingFunctions.all())
                    .compile();
            return new Compiled(new Mapping(source.name(), source.origin(), expression), null);
        } catch (JsltException e) {
            return new Compiled(null, problem(source.origin(), e));
        } catch (RuntimeException | TokenMgrError | StackOverflowError e) {
            // JSLT wraps the lexer's TokenMgrError today; should one escape, it is still a problem of this file
            return new Compiled(null, new MappingProblem(source.origin(), 0, 0, e instanceof StackOverflowError
                    ? "nested too deeply to compile" : firstLine(String.valueOf(e.getMessage()))));
        }
    }

    private static MappingProblem problem(String origin, JsltException e) {
        String message = e.getMessageWithoutLocation() == null ? e.toString() : e.getMessageWithoutLocation();
        Matcher place = TOKEN_PLACE.matcher(message);
        int line = Math.max(e.getLine(), 0);
        int column = Math.max(e.getColumn(), 0);
        if (place.find()) {
            line = Integer.parseInt(place.group(1));
            column = Integer.parseInt(place.group(2));
        }
        return new MappingProblem(origin, line, column, firstLine(message));
    }

    private static String firstLine(String message) {
        int end = message.indexOf('\n');
        return (end < 0 ? message : message.substring(0, end)).strip();
    }
}
