package dev.subsidy.verification.fraud;

import static org.assertj.core.api.Assertions.assertThat;

import dev.subsidy.model.Channel;
import dev.subsidy.model.OrderStatus;
import dev.subsidy.model.Period;
import dev.subsidy.model.Platform;
import dev.subsidy.model.SalesOrder;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The spike rule's baseline counted from orders already read: per shop and China-time day, as dated one by one. */
class DailyOrdersTest {

    @Test
    void ordersAreCountedByShopAndChinaTimeDayInsideTheWindowOnly() {
        LocalDate from = LocalDate.of(2026, 8, 2);
        LocalDate to = LocalDate.of(2026, 11, 1);
        Instant windowStart = from.atStartOfDay(Period.CHINA).toInstant();
        SplittableRandom random = new SplittableRandom(3);
        List<SalesOrder> orders = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            // from a day before the window to a day past it, to the millisecond: midnights and their edges included
            Instant paid = random.nextInt(50) == 0 ? null
                    : windowStart.plusMillis(random.nextLong(-86_400_000L, 93L * 86_400_000L))
                            .plusNanos(random.nextInt(3) == 0 ? 0 : random.nextInt(1_000_000));
            if (random.nextInt(40) == 0) {
                paid = windowStart.plusSeconds(86_400L * random.nextInt(-1, 93)).minusNanos(random.nextInt(2)); // midnights
            }
            Platform platform = random.nextBoolean() ? Platform.TAOBAO : Platform.values()[random.nextInt(Platform.values().length)];
            orders.add(new SalesOrder(platform, "o-" + i, "shop-" + random.nextInt(40), null, Channel.B2C,
                    OrderStatus.COMPLETED, paid, new BigDecimal("10.00"), BigDecimal.ZERO.setScale(2), "CNY", null,
                    List.of(), List.of(), false, null, null, null, paid));
        }

        Map<String, Map<LocalDate, Integer>> counted = DailyOrders.counted(orders, from, to);

        // each order dated on its own: its China-time date, kept when the window holds it
        Map<String, Map<LocalDate, Integer>> dated = new HashMap<>();
        for (SalesOrder o : orders) {
            if (o.paidAt() == null) {
                continue;
            }
            LocalDate day = o.paidAt().atOffset(Period.CHINA).toLocalDate();
            if (!day.isBefore(from) && day.isBefore(to)) {
                dated.computeIfAbsent(BuyerConcentrationRule.shop(o), k -> new HashMap<>()).merge(day, 1, Integer::sum);
            }
        }
        assertThat(counted).isEqualTo(dated);
        assertThat(counted.values().stream().mapToInt(days -> days.values().stream().mapToInt(n -> n).sum()).sum())
                .isBetween(17_000, 20_000);
    }
}
