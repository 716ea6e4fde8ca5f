package dev.subsidy.verification.fraud;

import dev.subsidy.model.Period;
import dev.subsidy.model.SalesOrder;
import dev.subsidy.verification.Finding;
import dev.subsidy.verification.OrderVerdict;
import dev.subsidy.verification.Rules;
import dev.subsidy.verification.ShipmentVerdict;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * volume.baseline-spike (冲量): a shop's orders on a day shortly before a claim date (the end of the
 * period, when milestones are counted) far above its own baseline (the median day of the weeks
 * before). A spike alone is a sale or a live stream, so it marks only the spike's orders that carry a
 * second sign — no buyer named, a buyer ordering again the same day, or a tiny parcel — and says the
 * spike in the reason.
 */
final class BaselineSpikeRule implements FraudRule {

    @Override
    public void apply(PeriodFacts facts, Thresholds t, Flags flags) {
        Map<String, Map<LocalDate, Integer>> baseline = facts.dailyOrders();
        if (baseline.isEmpty()) {
            return;
        }
        LocalDate claimDate = facts.period().end().atOffset(Period.CHINA).toLocalDate();
        LocalDate watchFrom = claimDate.minusDays(t.spikeWatchDays());
        LocalDate baseFrom = facts.period().start().atOffset(Period.CHINA).toLocalDate().minusDays(t.spikeBaselineDays());
        LocalDate baseTo = watchFrom;
        Map<String, List<OrderVerdict>> byShopDay = new HashMap<>();
        for (OrderVerdict o : facts.orders()) {
            SalesOrder r = o.stored().record();
            if (r.paidAt() == null) {
                continue;
            }
            LocalDate day = r.paidAt().atOffset(Period.CHINA).toLocalDate();
            if (!day.isBefore(watchFrom) && day.isBefore(claimDate)) {
                byShopDay.computeIfAbsent(BuyerConcentrationRule.shop(r) + "|" + day, k -> new ArrayList<>()).add(o);
            }
        }
        Map<String, Double> medians = new HashMap<>();
        for (Map.Entry<String, List<OrderVerdict>> e : byShopDay.entrySet()) {
            String shop = e.getKey().substring(0, e.getKey().indexOf('|'));
            List<OrderVerdict> day = e.getValue();
            // one baseline per shop, however many of its days are watched
            double median = medians.computeIfAbsent(shop, s -> median(baseline.getOrDefault(s, Map.of()), baseFrom, baseTo));
            if (day.size() < t.spikeMinOrders() || day.size() < t.spikeFactor() * Math.max(1, median)) {
                continue;
            }
            Map<String, Integer> perBuyer = new HashMap<>();
            day.forEach(o -> {
                String buyer = buyer(o.stored().record());
                if (buyer != null) {
                    perBuyer.merge(buyer, 1, Integer::sum);
                }
            });
            String spike = day.size() + " orders at shop " + shop + " on " + e.getKey().substring(e.getKey().indexOf('|') + 1)
                    + ", " + t.spikeWatchDays() + " days or less before the claim date " + claimDate + ", against a median of "
                    + String.format("%.1f", median) + " a day before; threshold " + t.spikeFactor() + "× and at least "
                    + t.spikeMinOrders();
            for (OrderVerdict o : day) {
                String sign = secondSign(o, perBuyer, facts, t);
                if (sign != null) {
                    flags.order(o, Finding.suspect(Rules.BASELINE_SPIKE, spike + "; this order: " + sign));
                }
            }
        }
    }

    private static String secondSign(OrderVerdict o, Map<String, Integer> perBuyer, PeriodFacts facts, Thresholds t) {
        String buyer = buyer(o.stored().record());
        if (buyer == null) {
            return "no buyer named";
        }
        if (perBuyer.get(buyer) > 1) {
            return "its buyer ordered " + perBuyer.get(buyer) + " times that day";
        }
        for (ShipmentVerdict s : facts.parcelsOf(o)) {
            Integer grams = s.stored().record().weightGrams();
            if (grams != null && grams <= t.tinyParcelGrams()) {
                return "shipped in a parcel of " + grams + " g";
            }
        }
        return null;
    }

    private static String buyer(SalesOrder r) {
        return r.buyerHash() != null ? r.buyerHash() : r.receiverHash();
    }

    /** The median of daily counts over [from, to), days without orders counting as zero. */
    private static double median(Map<LocalDate, Integer> counts, LocalDate from, LocalDate to) {
        List<Integer> days = new ArrayList<>();
        for (LocalDate d = from; d.isBefore(to); d = d.plusDays(1)) {
            days.add(counts.getOrDefault(d, 0));
        }
        if (days.isEmpty()) {
            return 0;
        }
        days.sort(Integer::compare);
        int n = days.size();
        return n % 2 == 1 ? days.get(n / 2) : (days.get(n / 2 - 1) + days.get(n / 2)) / 2.0;
    }
}
