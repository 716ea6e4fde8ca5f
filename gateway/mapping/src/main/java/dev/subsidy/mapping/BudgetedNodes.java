package dev.subsidy.mapping;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.schibsted.spt.data.jslt.filters.JsonFilter;
import com.schibsted.spt.data.jslt.impl.NodeUtils;

/**
 * The two places JSLT makes values through hooks the gateway can fill, used to check the record's
 * budget: the node factory of JSLT's shared mapper, through which it makes every array and object
 * (each {@code for} loop, each object, each concatenation), and the object filter, which sees every
 * value put into an object. Outside a mapping's evaluation (no budget on the thread) both behave
 * exactly as JSLT's own. Stateless and thread-safe.
 */
final class BudgetedNodes {

    /** JSLT's default filter's rule: a key whose value is null, {} or [] is left out of the object. */
    static final JsonFilter FILTER = value -> {
        RecordBudget budget = RecordBudget.current();
        if (budget != null) {
            budget.check(value);
        }
        return NodeUtils.isValue(value);
    };

    static {
        // JSLT makes its arrays and objects with NodeUtils.mapper; it is JSLT's own, used by nothing else
        NodeUtils.mapper.setNodeFactory(new Factory());
    }

    private BudgetedNodes() {}

    /** Makes sure the factory is in place before the first mapping is compiled. */
    static void install() {
        // the static initialiser does the work
    }

    /** JSLT's default factory, with the deadline checked at each array or object made. */
    private static final class Factory extends JsonNodeFactory {
        private static final long serialVersionUID = 1L;

        @Override
        public ArrayNode arrayNode() {
            RecordBudget.tickCurrent();
            return super.arrayNode();
        }

        @Override
        public ArrayNode arrayNode(int capacity) {
            RecordBudget.tickCurrent();
            return super.arrayNode(capacity);
        }

        @Override
        public ObjectNode objectNode() {
            RecordBudget.tickCurrent();
            return super.objectNode();
        }
    }
}
