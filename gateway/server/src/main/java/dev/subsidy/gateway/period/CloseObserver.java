package dev.subsidy.gateway.period;

import dev.subsidy.model.Period;
import dev.subsidy.verification.PeriodVerdicts;
import java.time.Duration;

/** Told of each close that committed, for the meters (verification outcomes, close duration). */
public interface CloseObserver {

    CloseObserver NONE = (period, verdicts, took) -> { };

    /** @param verdicts what verification concluded of every record of the period, as marked by the close */
    void closed(Period period, PeriodVerdicts verdicts, Duration took);
}
