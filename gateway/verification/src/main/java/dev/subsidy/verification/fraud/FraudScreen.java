package dev.subsidy.verification.fraud;

import dev.subsidy.verification.ByOrderKey;
import dev.subsidy.verification.OrderVerdict;
import dev.subsidy.verification.SecondCore;
import dev.subsidy.verification.ShipmentVerdict;
import java.util.ArrayList;
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
    private final SecondCore cores;

    public FraudScreen(Thresholds thresholds) {
        this(thresholds, SecondCore.NONE);
    }

    public FraudScreen(Thresholds thresholds, SecondCore cores) {
        this.thresholds = thresholds;
        this.cores = cores;
    }

    /**
     * The verdicts with every rule's findings added. The rules only read the facts, so they run side by side, each
     * into its own flags; those are put together in the rules' order, as if one rule had run after the other.
     */
    public Screened screen(PeriodFacts facts) {
        Flags[] found = new Flags[RULES.size()];
        // the parcels' links to their orders are made first, on one thread: the rules that need none run beside it, and
        // one that needs them waits for them
        cores.forEach(RULES.size() + 1, task -> {
            if (task == 0) {
                facts.link();
                return;
            }
            int i = task - 1;
            Flags own = new Flags();
            RULES.get(i).apply(facts, thresholds, own);
            found[i] = own;
        });
        Flags flags = new Flags();
        for (Flags own : found) {
            flags.add(own);
        }
        new LinkedRule().apply(facts, flags);
        List<ShipmentVerdict> shipments = cores.map(facts.shipments(), s -> s.with(flags.onParcel(s)));
        // under each order's own key, in the facts' order: no key string made or held per order (ByOrderKey)
        Map<String, OrderVerdict> inFacts = facts.ordersByKey();
        List<OrderVerdict> screened = new ArrayList<>(inFacts.size());
        for (OrderVerdict o : inFacts.values()) {
            screened.add(o.with(flags.onOrder(o)));
        }
        return new Screened(shipments, ByOrderKey.of(inFacts, screened, o -> o.stored().record()));
    }

    /** The screened verdicts: shipments in the facts' order, orders by natural key. */
    public record Screened(List<ShipmentVerdict> shipments, Map<String, OrderVerdict> orders) {}
}
