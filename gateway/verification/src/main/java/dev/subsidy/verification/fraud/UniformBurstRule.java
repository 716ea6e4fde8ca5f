package dev.subsidy.verification.fraud;

import dev.subsidy.model.SalesOrder;
import dev.subsidy.verification.Finding;
import dev.subsidy.verification.OrderVerdict;
import dev.subsidy.verification.Rules;
import dev.subsidy.verification.ShipmentVerdict;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * brushing.uniform-burst (刷单): a burst of orders at one shop at one price shipped in tiny parcels. A
 * live-stream sale is a burst at one price too, but its parcels carry goods; brushing ships empty
 * envelopes. Only orders whose weighed parcels are (mostly) tiny take part, so the honest bulk of a
 * shop's orders costs one pass; orders without weighed parcels are left to the other rules.
 */
final class UniformBurstRule implements FraudRule {

    @Override
    public void apply(PeriodFacts facts, Thresholds t, Flags flags) {
        Map<String, List<OrderVerdict>> tinyByShop = new HashMap<>();
        for (OrderVerdict o : facts.orders()) {
            if (o.stored().record().paidAt() != null && tiny(o, facts, t)) {
                tinyByShop.computeIfAbsent(BuyerConcentrationRule.shop(o.stored().record()), k -> new ArrayList<>()).add(o);
            }
        }
        for (List<OrderVerdict> orders : tinyByShop.values()) {
            if (orders.size() < t.burstMinOrders()) {
                continue;
            }
            orders.sort(Comparator.comparing(o -> o.stored().record().paidAt()));
            Set<OrderVerdict> flagged = new LinkedHashSet<>();
            int start = 0;
            for (int end = 0; end < orders.size(); end++) {
                var endAt = orders.get(end).stored().record().paidAt();
                while (Duration.between(orders.get(start).stored().record().paidAt(), endAt).compareTo(t.burstWindow()) > 0) {
                    start++;
                }
                if (end - start + 1 >= t.burstMinOrders()) {
                    List<OrderVerdict> uniform = uniform(orders.subList(start, end + 1), t);
                    if (uniform.size() >= t.burstMinOrders()) {
                        flagged.addAll(uniform);
                    }
                }
            }
            if (!flagged.isEmpty()) {
                SalesOrder any = flagged.iterator().next().stored().record();
                String reason = flagged.size() + " orders at shop " + BuyerConcentrationRule.shop(any) + " within "
                        + HollowParcelRule.minutes(t.burstWindow()) + " at one price (within "
                        + t.burstAmountSpread().movePointRight(2).stripTrailingZeros().toPlainString()
                        + " %) shipped in parcels of at most " + t.tinyParcelGrams() + " g; threshold " + t.burstMinOrders()
                        + " orders";
                flagged.forEach(o -> flags.order(o, Finding.suspect(Rules.UNIFORM_BURST, reason)));
            }
        }
    }

    /** The window's orders whose amount lies within the spread of the window's median amount. */
    private static List<OrderVerdict> uniform(List<OrderVerdict> window, Thresholds t) {
        List<BigDecimal> amounts = window.stream().map(o -> o.stored().record().amount()).sorted().toList();
        BigDecimal median = amounts.get(amounts.size() / 2);
        if (median.signum() == 0) {
            return List.of();
        }
        return window.stream().filter(o -> o.stored().record().amount().subtract(median).abs()
                .divide(median, 6, RoundingMode.HALF_UP).compareTo(t.burstAmountSpread()) <= 0).toList();
    }

    /** Whether the order's weighed parcels are, by the configured share, tiny. */
    private static boolean tiny(OrderVerdict o, PeriodFacts facts, Thresholds t) {
        int weighed = 0;
        int tiny = 0;
        for (ShipmentVerdict s : facts.parcelsOf(o)) {
            Integer grams = s.stored().record().weightGrams();
            if (grams != null) {
                weighed++;
                if (grams <= t.tinyParcelGrams()) {
                    tiny++;
                }
            }
        }
        return weighed > 0 && BigDecimal.valueOf(tiny).compareTo(t.burstTinyShare().multiply(BigDecimal.valueOf(weighed))) >= 0;
    }
}
