package dev.subsidy.mapping;

import com.schibsted.spt.data.jslt.Function;
import com.schibsted.spt.data.jslt.impl.ExpressionImpl;
import com.schibsted.spt.data.jslt.impl.ExpressionNode;
import com.schibsted.spt.data.jslt.impl.FunctionDeclaration;
import com.schibsted.spt.data.jslt.impl.FunctionExpression;
import com.schibsted.spt.data.jslt.impl.JstlFile;
import com.schibsted.spt.data.jslt.impl.LetExpression;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The few parts of a compiled JSLT expression (version 0.1.14) that its public API does not show, read
 * by reflection: which function a call resolved to and the body of a declared function (to find
 * recursion and the depth of calls before any record is mapped), the body of an imported mapping,
 * and the slots of the external variables (to evaluate with the gateway's own {@code Scope}, which
 * counts the work). Read-only; nothing in JSLT is changed. Should a JSLT upgrade rename these fields,
 * every mapping fails to compile with a message saying so, and the engine's tests fail. Stateless.
 */
final class JsltInternals {

    private static final Field CALLED = field(FunctionExpression.class, "function");
    private static final Field LETS = field(FunctionDeclaration.class, "lets");
    private static final Field BODY = field(FunctionDeclaration.class, "body");
    private static final Field MODULE_BODY = field(JstlFile.class, "body");
    private static final Field PARAMETER_SLOTS = field(ExpressionImpl.class, "parameterSlots");

    private JsltInternals() {}

    /** The function a call was resolved to when it was compiled. */
    static Function called(FunctionExpression call) {
        return (Function) read(CALLED, call);
    }

    /** What a declared function evaluates: its lets, then its body. */
    static List<ExpressionNode> parts(FunctionDeclaration function) {
        List<ExpressionNode> parts = new ArrayList<>(Arrays.asList((LetExpression[]) read(LETS, function)));
        parts.add((ExpressionNode) read(BODY, function));
        return parts;
    }

    /** The compiled mapping an import stands for. */
    static ExpressionImpl body(JstlFile module) {
        return (ExpressionImpl) read(MODULE_BODY, module);
    }

    /** The slot of each external variable ({@code $params}) in the global frame. */
    @SuppressWarnings("unchecked")
    static Map<String, Integer> parameterSlots(ExpressionImpl expression) {
        Map<String, Integer> slots = (Map<String, Integer>) read(PARAMETER_SLOTS, expression);
        return slots == null ? Map.of() : Map.copyOf(slots);
    }

    private static Object read(Field field, Object target) {
        if (field == null) {
            throw new IllegalStateException("this version of JSLT is not the one the mapping sandbox was written for (0.1.14)");
        }
        try {
            return field.get(target);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("JSLT's " + field + " cannot be read: " + e.getMessage(), e);
        }
    }

    private static Field field(Class<?> type, String name) {
        try {
            Field f = type.getDeclaredField(name);
            f.setAccessible(true);
            return f;
        } catch (NoSuchFieldException | RuntimeException e) {
            return null;
        }
    }
}
