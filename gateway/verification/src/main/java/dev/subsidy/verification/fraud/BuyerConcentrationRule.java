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
import java.util.List;
import java.util.Map;

/**
 * brushing.buyer-concentration (刷单): many orders from one buyer at one shop within a short window.
 * A live-stream burst has many buyers; brushing has a few buyers placing order after order. The buyer
 * is the buyer hash, else the receiver hash.
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
            if (orders.size() < t.maxOrdersPerBuyer()) {
                continue;
            }
            orders.sort(Comparator.comparing(o -> o.stored().record().paidAt()));
            List<OrderVerdict> flagged = new ArrayList<>();
            int start = 0;
            int widest = 0;
            Duration widestSpan = Duration.ZERO;
            for (int end = 0; end < orders.size(); end++) {
                Instant endAt = orders.get(end).stored().record().paidAt();
                while (Duration.between(orders.get(start).stored().record().paidAt(), endAt).compareTo(t.buyerWindow()) > 0) {
                    start++;
                }
                int count = end - start + 1;
                if (count >= t.maxOrdersPerBuyer()) {
                    for (int i = start; i <= end; i++) {
                        if (!flagged.contains(orders.get(i))) {
                            flagged.add(orders.get(i));
                        }
                    }
                    if (count > widest) {
                        widest = count;
                        widestSpan = Duration.between(orders.get(start).stored().record().paidAt(), endAt);
                    }
                }
            }
            if (flagged.isEmpty()) {
                continue;
            }
            SalesOrder first = flagged.get(0).stored().record();
            String buyer = first.buyerHash() != null ? "buyer " + first.buyerHash() : "receiver " + first.receiverHash();
            String reason = widest + " orders from " + abbreviate(buyer) + " within " + HollowParcelRule.minutes(widestSpan)
                    + " at shop " + shop(first) + " (" + flagged.size() + " in all); threshold " + t.maxOrdersPerBuyer()
                    + " orders per buyer per " + HollowParcelRule.minutes(t.buyerWindow());
            flagged.forEach(o -> flags.order(o, Finding.suspect(Rules.BUYER_CONCENTRATION, reason)));
        }
    }

    static String shop(SalesOrder r) {
        return r.platform() + ":" + r.shopId();
    }

    private static String abbreviate(String text) {
        return text.length() <= 28 ? text : text.substring(0, 27) + "…";
    }
}
