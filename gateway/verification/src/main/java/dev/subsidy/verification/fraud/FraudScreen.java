package dev.subsidy.verification.fraud;

import dev.subsidy.verification.OrderVerdict;
import dev.subsidy.verification.ShipmentVerdict;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs every fraud rule over one period's evidence (docs/verification.md "The rules") and adds
 * what they found to the verdicts. Each rule reads the whole period once; none queries per record.
 */
public final class FraudScreen {

    private static final List<FraudRule> RULES = List.of(
            new WaybillShapeRule(),
            new SameParcelRule(),
            new WaybillReuseRule(),
            new PlaceRule(),
            new HollowParcelRule(),
            new CollectedBeforePaidRule(),
            new RefundRule(),
            new CrossBorderRule(),
            new BuyerConcentrationRule(),
            new UniformBurstRule(),
            new SourceConflictRule(),
            new TraceCheckRule(),
            new BaselineSpikeRule());

    private final Thresholds thresholds;

    public FraudScreen(Thresholds thresholds) {
        this.thresholds = thresholds;
    }

    /** The verdicts with every rule's findings added. */
    public Screened screen(PeriodFacts facts) {
        Flags flags = new Flags();
        for (FraudRule rule : RULES) {
            rule.apply(facts, thresholds, flags);
        }
        new LinkedRule().apply(facts, flags);
        List<ShipmentVerdict> shipments = facts.shipments().stream().map(s -> s.with(flags.onParcel(s))).toList();
        Map<String, OrderVerdict> orders = new LinkedHashMap<>();
        for (OrderVerdict o : facts.orders()) {
            orders.put(o.key(), o.with(flags.onOrder(o)));
        }
        return new Screened(shipments, orders);
    }

    /** The screened verdicts: shipments in the facts' order, orders by natural key. */
    public record Screened(List<ShipmentVerdict> shipments, Map<String, OrderVerdict> orders) {}
}
