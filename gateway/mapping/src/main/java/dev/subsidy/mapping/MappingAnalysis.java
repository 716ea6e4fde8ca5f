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
    /** How deep evaluating each node goes, its own level included, through the calls it makes. */
    private final Map<Object, Integer> heights = new IdentityHashMap<>();
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
            // a function that recurses or goes too deep is refused even when nothing calls it yet
            int height = part instanceof FunctionDeclaration declared ? analysis.functionHeight(declared, start)
                    : analysis.height(part, start);
            if (height > maxDepth) {
                throw analysis.tooDeep(part, start);
            }
            depth = Math.max(depth, height);
        }
        return new Result(JsltInternals.parameterSlots(expression), expression.getStackFrameSize(), depth);
    }

    /** How deep evaluating this node goes, its own level included: computed once per node. */
    private int height(ExpressionNode node, Location outer) throws Refused {
        Integer known = heights.get(node);
        if (known != null) {
            return known;
        }
        Location here = ownPlace(node, outer);
        int below = 0;
        for (ExpressionNode child : node.getChildren()) {
            below = Math.max(below, height(child, here));
        }
        FunctionDeclaration callee = callee(node, here);
        if (callee != null) {
            below = Math.max(below, functionHeight(callee, here));
        }
        heights.put(node, below + 1);
        return below + 1;
    }

    /** The declared function a call evaluates, after checking what else it may call. */
    private FunctionDeclaration callee(ExpressionNode node, Location here) throws Refused {
        if (!(node instanceof FunctionExpression call)) {
            return null;
        }
        Function called = JsltInternals.called(call);
        if (called instanceof JstlFile module) {
            throw refused(here, "'" + module.getName() + "' is an imported mapping: a mapping may call its functions ("
                    + module.getName() + ":name(…)), not run it whole");
        }
        if (called instanceof SandboxFunctions.Regex regex && regex.regexArgument() >= 0) {
            checkRegex(call, regex, here);
        }
        return called instanceof FunctionDeclaration declared ? declared : null;
    }

    private int functionHeight(FunctionDeclaration function, Location callSite) throws Refused {
        Integer known = heights.get(function);
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
        int below = 0;
        for (ExpressionNode part : JsltInternals.parts(function)) {
            below = Math.max(below, height(part, callSite));
        }
        path.pop();
        heights.put(function, below + 1);
        return below + 1;
    }

    /**
     * The problem of a part that goes deeper than allowed, placed where it does: down the deepest
     * branch from the top, at the first expression past {@code max-depth}.
     */
    private Refused tooDeep(ExpressionNode top, Location start) {
        Object node = top;
        Location here = start;
        for (int level = 1; level <= maxDepth; level++) {
            List<Object> below = new ArrayList<>();
            if (node instanceof FunctionDeclaration declared) {
                below.addAll(JsltInternals.parts(declared));
            } else {
                ExpressionNode expression = (ExpressionNode) node;
                here = ownPlace(expression, here);
                below.addAll(expression.getChildren());
                if (expression instanceof FunctionExpression call && JsltInternals.called(call) instanceof FunctionDeclaration d) {
                    below.add(d);
                }
            }
            Object deepest = null;
            for (Object child : below) {
                if (deepest == null || heights.getOrDefault(child, 0) > heights.getOrDefault(deepest, 0)) {
                    deepest = child;
                }
            }
            if (deepest == null) {
                break;
            }
            node = deepest;
        }
        if (node instanceof ExpressionNode expression && !(node instanceof FunctionDeclaration)) {
            here = ownPlace(expression, here);
        }
        return refused(here, "expressions nested more than " + maxDepth + " deep, counting through function calls (max-depth)");
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
    private Location ownPlace(Object node, Location outer) {
        if (node instanceof AbstractNode n && n.getLocation() != null && origin.equals(n.getLocation().getSource())) {
            return n.getLocation();
        }
        return outer;
    }

    private Refused refused(Location where, String message) {
        return new Refused(new MappingProblem(origin, Math.max(where.getLine(), 1), Math.max(where.getColumn(), 1), message));
    }
}
