package dev.subsidy.verification.fraud;

import dev.subsidy.model.SalesOrder;
import dev.subsidy.verification.Finding;
import dev.subsidy.verification.OrderVerdict;
import dev.subsidy.verification.Rules;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * brushing.buyer-concentration (刷单): many orders from one buyer at one shop within a short window.
 * A live-stream burst has many buyers; brushing has a few buyers placing order after order — within an
 * hour, or spread over a day to stay under the hourly threshold. The buyer is the buyer hash, else the
 * receiver hash.
 */
final class BuyerConcentrationRule implements FraudRule {

    @Override
    public void apply(PeriodFacts facts, Thresholds t, Flags flags) {
        Map<String, List<OrderVerdict>> byShopAndBuyer = new HashMap<>();
        for (OrderVerdict o : facts.orders()) {
            SalesOrder r = o.stored().record();
            String buyer = r.buyerHash() != null ? r.buyerHash() : r.receiverHash();
            if (buyer == null || r.paidAt() == null) {
                continue;
            }
            byShopAndBuyer.computeIfAbsent(shop(r) + "\u0000" + buyer, k -> new ArrayList<>()).add(o);
        }
        for (List<OrderVerdict> orders : byShopAndBuyer.values()) {
            if (orders.size() < Math.min(t.maxOrdersPerBuyer(), t.maxOrdersPerBuyerDay())) {
                continue;
            }
            orders.sort(Comparator.comparing(o -> o.stored().record().paidAt()));
            window(orders, t.buyerWindow(), t.maxOrdersPerBuyer(), flags);
            window(orders, t.buyerDayWindow(), t.maxOrdersPerBuyerDay(), flags);
        }
    }

    /**
     * Flags the orders of every window of the given length holding at least {@code limit} of one
     * buyer's orders (sorted by payment).
     */
    private static void window(List<OrderVerdict> orders, Duration length, int limit, Flags flags) {
        Set<OrderVerdict> flagged = new LinkedHashSet<>();
        int start = 0;
        int widest = 0;
        Duration widestSpan = Duration.ZERO;
        for (int end = 0; end < orders.size(); end++) {
            Instant endAt = orders.get(end).stored().record().paidAt();
            while (Duration.between(orders.get(start).stored().record().paidAt(), endAt).compareTo(length) > 0) {
                start++;
            }
            int count = end - start + 1;
            if (count >= limit) {
                flagged.addAll(orders.subList(start, end + 1));
                if (count > widest) {
                    widest = count;
                    widestSpan = Duration.between(orders.get(start).stored().record().paidAt(), endAt);
                }
            }
        }
        if (flagged.isEmpty()) {
            return;
        }
        SalesOrder first = flagged.iterator().next().stored().record();
        String buyer = first.buyerHash() != null ? "buyer " + first.buyerHash() : "receiver " + first.receiverHash();
        String reason = widest + " orders from " + abbreviate(buyer) + " within " + HollowParcelRule.minutes(widestSpan)
                + " at shop " + shop(first) + " (" + flagged.size() + " in all); threshold " + limit
                + " orders per buyer per " + HollowParcelRule.minutes(length);
        flagged.forEach(o -> flags.order(o, Finding.suspect(Rules.BUYER_CONCENTRATION, reason)));
    }

    static String shop(SalesOrder r) {
        return r.platform() + ":" + r.shopId();
    }

    private static String abbreviate(String text) {
        return text.length() <= 28 ? text : text.substring(0, 27) + "…";
    }
}
