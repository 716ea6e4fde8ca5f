package dev.subsidy.gateway.awards;

import dev.subsidy.model.Period;
import dev.subsidy.model.PriorAward;
import java.util.List;
/** What was paid or passed in earlier periods, so "the first time" spans years. */
public interface PriorAwardStore {

    /** Prior awards of periods that ended before this one began: re-closing a year never sees its own payments. */
    List<PriorAward> before(Period period);

    void replace(Period period, List<PriorAward> remembered);
}
