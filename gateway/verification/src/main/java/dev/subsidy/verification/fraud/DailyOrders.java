package dev.subsidy.verification.fraud;

import dev.subsidy.model.Period;
import dev.subsidy.model.Platform;
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

    /**
     * The orders paid from {@code from} (inclusive) to {@code to} (exclusive), China-time days, counted. Each shop's days
     * are counted in an array over the window, found by platform and by the shop's id as the order holds it: a close
     * counts millions of orders this way, and a name built, a day boxed and a map entry made per order kept the reader
     * thread busy beside the fraud rules (docs/operations.md "Database"). The window is the spike rule's baseline and
     * the period, a few months at most ({@link dev.subsidy.verification.RecordSource#dailyOrdersAhead}).
     */
    public static Map<String, Map<LocalDate, Integer>> counted(Iterable<SalesOrder> orders, LocalDate from, LocalDate to) {
        long first = from.atStartOfDay(Period.CHINA).toEpochSecond();
        long end = to.atStartOfDay(Period.CHINA).toEpochSecond();
        long firstDay = from.toEpochDay();
        int days = (int) Math.max(0, to.toEpochDay() - firstDay);
        Map<Platform, Map<String, int[]>> byShop = new HashMap<>();
        for (SalesOrder o : orders) {
            Instant paid = o.paidAt();
            // whole seconds against the window's midnights: a payment a fraction past one is in that second
            if (paid != null && paid.getEpochSecond() >= first && paid.getEpochSecond() < end) {
                // the China-time day as a number: no date made per order
                long day = Math.floorDiv(paid.getEpochSecond() + Period.CHINA.getTotalSeconds(), DAY_SECONDS);
                byShop.computeIfAbsent(o.platform(), p -> new HashMap<>())
                        .computeIfAbsent(o.shopId(), shop -> new int[days])[(int) (day - firstDay)]++;
            }
        }
        Map<String, Map<LocalDate, Integer>> out = new HashMap<>();
        byShop.forEach((platform, shops) -> shops.forEach((shop, counts) -> {
            Map<LocalDate, Integer> byDay = new HashMap<>();
            for (int d = 0; d < counts.length; d++) {
                if (counts[d] > 0) {
                    byDay.put(LocalDate.ofEpochDay(firstDay + d), counts[d]);
                }
            }
            // each shop named as the rules name it (BuyerConcentrationRule.shop)
            out.put(platform + ":" + shop, byDay);
        }));
        return out;
    }
}
