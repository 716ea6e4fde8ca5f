package dev.subsidy.gateway.period;

import dev.subsidy.model.Period;
import dev.subsidy.verification.OrderVerdict;
import dev.subsidy.verification.ShipmentVerdict;
import java.time.Duration;
import java.util.List;

/** Told of each close, for the meters (verification outcomes, close duration); what it concluded counts once it commits. */
public interface CloseObserver {

    CloseObserver NONE = period -> Close.NONE;

    /** A close of {@code period} begins. */
    Close begin(Period period);

    /**
     * One close, told its verdicts a list at a time as it marks them: a close of a period too large to hold lets each
     * slice go once marked.
     */
    interface Close {
        Close NONE = new Close() {
            @Override
            public void shipments(List<ShipmentVerdict> marked) {}

            @Override
            public void orders(List<OrderVerdict> marked) {}

            @Override
            public void committed(Duration took) {}
        };

        void shipments(List<ShipmentVerdict> marked);

        /** @param marked orders paid in the period: the ones whose status it decides */
        void orders(List<OrderVerdict> marked);

        /** The close committed: what it was told counts. Not called for one that rolled back. */
        void committed(Duration took);
    }
}
