package dev.subsidy.verification.fraud;

import dev.subsidy.model.Period;
import dev.subsidy.model.SalesOrder;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

/**
 * Orders paid per shop ({@code PLATFORM:shopId}) and China-time day, counted from orders already read: the spike
 * rule's baseline ({@link dev.subsidy.verification.RecordSource#dailyOrders}) without a second pass over the store,
 * each shop named as the rules name it ({@link BuyerConcentrationRule#shop}).
 */
public final class DailyOrders {

    private static final long DAY_SECONDS = 86_400L;

    private DailyOrders() {}

    /** The orders paid from {@code from} (inclusive) to {@code to} (exclusive), China-time days, counted. */
    public static Map<String, Map<LocalDate, Integer>> counted(Iterable<SalesOrder> orders, LocalDate from, LocalDate to) {
        Instant first = from.atStartOfDay(Period.CHINA).toInstant();
        Instant end = to.atStartOfDay(Period.CHINA).toInstant();
        Map<String, Map<Long, int[]>> byShop = new HashMap<>();
        for (SalesOrder o : orders) {
            Instant paid = o.paidAt();
            if (paid != null && !paid.isBefore(first) && paid.isBefore(end)) {
                // the China-time day as a number: no date made per order
                long day = Math.floorDiv(paid.getEpochSecond() + Period.CHINA.getTotalSeconds(), DAY_SECONDS);
                byShop.computeIfAbsent(BuyerConcentrationRule.shop(o), k -> new HashMap<>())
                        .computeIfAbsent(day, d -> new int[1])[0]++;
            }
        }
        Map<String, Map<LocalDate, Integer>> out = new HashMap<>();
        byShop.forEach((shop, days) -> {
            Map<LocalDate, Integer> counts = new HashMap<>();
            days.forEach((day, count) -> counts.put(LocalDate.ofEpochDay(day), count[0]));
            out.put(shop, counts);
        });
        return out;
    }
}
