package dev.subsidy.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.schibsted.spt.data.jslt.impl.Scope;

/**
 * JSLT's variable frames with the record's budget checked at each use: every variable read, every
 * value bound (a {@code let}, a function's argument, a loop's {@code let} per item), every function
 * entered. A mapping that loops or doubles a value through its variables meets the deadline or the
 * size limit at its next step. One per evaluation; not thread-safe, as JSLT's own.
 */
final class BudgetedScope extends Scope {

    private final RecordBudget budget;

    BudgetedScope(int stackFrameSize, RecordBudget budget) {
        super(stackFrameSize);
        this.budget = budget;
    }

    @Override
    public void enterFunction(int stackFrameSize) {
        budget.tick();
        super.enterFunction(stackFrameSize);
    }

    @Override
    public JsonNode getValue(int slot) {
        budget.tick();
        return super.getValue(slot);
    }

    @Override
    public void setValue(int slot, JsonNode value) {
        budget.check(value);
        super.setValue(slot, value);
    }
}
