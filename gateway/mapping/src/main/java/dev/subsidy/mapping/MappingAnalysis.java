package dev.subsidy.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.schibsted.spt.data.jslt.Function;
import com.schibsted.spt.data.jslt.impl.AbstractNode;
import com.schibsted.spt.data.jslt.impl.ExpressionImpl;
import com.schibsted.spt.data.jslt.impl.ExpressionNode;
import com.schibsted.spt.data.jslt.impl.FunctionDeclaration;
import com.schibsted.spt.data.jslt.impl.FunctionExpression;
import com.schibsted.spt.data.jslt.impl.JstlFile;
import com.schibsted.spt.data.jslt.impl.LiteralExpression;
import com.schibsted.spt.data.jslt.impl.Location;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.PatternSyntaxException;

/**
 * What a compiled mapping is checked for before it may serve: that none of its functions calls itself,
 * directly or through others (so a record can never start an endless or exponential recursion, and
 * how deep an evaluation goes is known now), that no evaluation goes deeper than {@code max-depth}
 * nested expressions counting through every call (so it never overflows a thread's stack), that an
 * imported mapping is used for its functions only, and that every regular expression written in the
 * text compiles. Each problem is reported where it is written. Used once per compile; not thread-safe.
 */
final class MappingAnalysis {

    /** A mapping the analysis refuses, with where and why. */
    static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;
        private final transient MappingProblem problem;

        Refused(MappingProblem problem) {
            super(problem.toString(), null, false, false);
            this.problem = problem;
        }

        MappingProblem problem() {
            return problem;
        }
    }

    /**
     * @param parameterSlots the global slot of each external variable ({@code $params})
     * @param stackFrameSize the size of the global frame the evaluation needs
     * @param depth how deep an evaluation can go, in nested expressions, through every call
     */
    record Result(Map<String, Integer> parameterSlots, int stackFrameSize, int depth) {}

    private final String origin;
    private final int maxDepth;
    private final Map<FunctionDeclaration, Integer> functionDepths = new IdentityHashMap<>();
    private final Deque<FunctionDeclaration> path = new ArrayDeque<>();

    private MappingAnalysis(String origin, int maxDepth) {
        this.origin = origin;
        this.maxDepth = maxDepth;
    }

    static Result of(ExpressionImpl expression, String origin, int maxDepth) throws Refused {
        MappingAnalysis analysis = new MappingAnalysis(origin, maxDepth);
        Location start = new Location(origin, 1, 1);
        int depth = 0;
        for (ExpressionNode part : expression.getChildren()) {
            if (part instanceof FunctionDeclaration declared) {
                // a function that recurses is refused even when nothing calls it yet
                analysis.functionDepth(declared, start);
            } else {
                depth = Math.max(depth, analysis.depth(part, start));
            }
        }
        return new Result(JsltInternals.parameterSlots(expression), expression.getStackFrameSize(), depth);
    }

    /** How deep evaluating this node goes, its own level included. */
    private int depth(ExpressionNode node, Location outer) throws Refused {
        Location here = ownPlace(node, outer);
        int below = 0;
        for (ExpressionNode child : node.getChildren()) {
            below = Math.max(below, depth(child, here));
        }
        if (node instanceof FunctionExpression call) {
            Function called = JsltInternals.called(call);
            if (called instanceof FunctionDeclaration declared) {
                below = Math.max(below, functionDepth(declared, here));
            } else if (called instanceof JstlFile module) {
                throw refused(here, "'" + module.getName() + "' is an imported mapping: a mapping may call its functions ("
                        + module.getName() + ":name(…)), not run it whole");
            } else if (called instanceof SandboxFunctions.Regex regex && regex.regexArgument() >= 0) {
                checkRegex(call, regex, here);
            }
        }
        if (below + 1 > maxDepth) {
            throw refused(here, "expressions nested more than " + maxDepth + " deep, counting through function calls (max-depth)");
        }
        return below + 1;
    }

    private int functionDepth(FunctionDeclaration function, Location callSite) throws Refused {
        Integer known = functionDepths.get(function);
        if (known != null) {
            return known;
        }
        if (path.contains(function)) {
            List<String> cycle = new ArrayList<>();
            boolean inCycle = false;
            for (FunctionDeclaration f : (Iterable<FunctionDeclaration>) path::descendingIterator) {
                inCycle |= f == function;
                if (inCycle) {
                    cycle.add(f.getName());
                }
            }
            cycle.add(function.getName());
            throw refused(callSite, "function '" + function.getName() + "' calls itself (" + String.join(" → ", cycle)
                    + "): a mapping's functions may not recurse, so that no record can make one run without end");
        }
        path.push(function);
        int depth = 0;
        for (ExpressionNode part : JsltInternals.parts(function)) {
            depth = Math.max(depth, depth(part, callSite));
        }
        path.pop();
        functionDepths.put(function, depth + 1);
        return depth + 1;
    }

    private void checkRegex(FunctionExpression call, SandboxFunctions.Regex regex, Location here) throws Refused {
        List<ExpressionNode> arguments = call.getChildren();
        if (arguments.size() <= regex.regexArgument() || !(arguments.get(regex.regexArgument()) instanceof LiteralExpression literal)) {
            return;
        }
        JsonNode value = literal.apply(null, null);
        if (value == null || value.isNull()) {
            throw refused(here, regex.getName() + "() needs a regular expression, not null");
        }
        try {
            SandboxFunctions.pattern(value.isTextual() ? value.textValue() : value.toString());
        } catch (PatternSyntaxException e) {
            throw refused(here, "the regular expression '" + e.getPattern() + "' of " + regex.getName()
                    + "() does not compile: " + e.getDescription());
        }
    }

    /** Where a node is written in this mapping's text; inside an imported mapping, the place that led there. */
    private Location ownPlace(ExpressionNode node, Location outer) {
        if (node instanceof AbstractNode n && n.getLocation() != null && origin.equals(n.getLocation().getSource())) {
            return n.getLocation();
        }
        return outer;
    }

    private Refused refused(Location where, String message) {
        return new Refused(new MappingProblem(origin, Math.max(where.getLine(), 1), Math.max(where.getColumn(), 1), message));
    }
}
