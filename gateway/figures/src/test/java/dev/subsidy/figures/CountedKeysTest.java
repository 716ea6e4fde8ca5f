package dev.subsidy.figures;

import static org.assertj.core.api.Assertions.assertThat;

import dev.subsidy.model.Carrier;
import dev.subsidy.model.Channel;
import dev.subsidy.model.OrderStatus;
import dev.subsidy.model.Platform;
import dev.subsidy.model.SalesOrder;
import dev.subsidy.model.Shipment;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * A figure holds a parcel or an order for its key until the figure is made (docs/figures.md "The digest, exactly"): the keys sort,
 * repeat and hash as their texts do, whichever form each is in.
 */
class CountedKeysTest {

    private static final Instant AT = Instant.parse("2026-10-10T02:00:00Z");

    @Test
    void keysOfEveryFormSortAndHashAsTheirTexts() {
        SplittableRandom random = new SplittableRandom(11);
        Carrier[] carriers = Carrier.values();
        Platform[] platforms = Platform.values();
        List<Object> keys = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            Carrier carrier = carriers[random.nextInt(carriers.length)];
            // short and long numbers, letters, text past ASCII and past U+FFFF: UTF-16 order and byte order differ there
            String number = switch (random.nextInt(5)) {
                case 0 -> Long.toString(random.nextLong(1_000_000_000_000L));
                case 1 -> Integer.toString(random.nextInt(100));
                case 2 -> "SF" + random.nextInt(1000);
                case 3 -> "单" + random.nextInt(50);
                default -> (random.nextBoolean() ? "\uD83D\uDCE6" : "\uFF10") + random.nextInt(50);
            };
            if (random.nextInt(3) == 0) {
                // an order's key, as its text or as the order; JD is a carrier's name and a platform's
                Platform platform = platforms[random.nextInt(platforms.length)];
                SalesOrder order = order(platform, number);
                keys.add(random.nextBoolean() ? order : order.naturalKey());
                if (random.nextInt(10) == 0) {
                    keys.add(random.nextBoolean() ? order(platform, number) : order.naturalKey()); // counted twice
                }
                continue;
            }
            Shipment parcel = parcel(carrier, number);
            // the same key as its text, from an order that names the parcel, or as the parcel
            keys.add(random.nextBoolean() ? parcel : parcel.naturalKey());
            if (random.nextInt(10) == 0) {
                keys.add(random.nextBoolean() ? parcel(carrier, number) : parcel.naturalKey()); // counted twice
            }
        }
        List<String> texts = keys.stream().map(CountedKeys::text).toList();

        List<Object> sorted = new ArrayList<>(keys);
        sorted.sort(CountedKeys::compare);
        assertThat(sorted.stream().map(CountedKeys::text).toList())
                .isEqualTo(texts.stream().sorted(Comparator.naturalOrder()).toList());
        for (int i = 0; i < 2_000; i++) {
            Object a = keys.get(random.nextInt(keys.size()));
            Object b = keys.get(random.nextInt(keys.size()));
            assertThat(Integer.signum(CountedKeys.compare(a, b))).as("%s against %s", CountedKeys.text(a),
                    CountedKeys.text(b)).isEqualTo(Integer.signum(CountedKeys.text(a).compareTo(CountedKeys.text(b))));
        }

        Digest.Lines lines = new Digest.Lines();
        Object last = null;
        for (Object key : sorted) {
            if (last == null || CountedKeys.compare(last, key) != 0) {
                CountedKeys.addTo(lines, key);
            }
            last = key;
        }
        assertThat(lines.digest()).isEqualTo(Digest.of(texts));
    }

    @Test
    void aRecordsKeyIsMadeWhenAskedForNotHeld() {
        Shipment parcel = parcel(Carrier.ZTO, "73100000000001");
        List<String> texts = CountedKeys.texts(List.of(parcel, "ZTO:73100000000002"));

        assertThat(texts).containsExactly("ZTO:73100000000001", "ZTO:73100000000002");
        // a new string each time: the figure holds the parcel, not a string for it
        assertThat(texts.get(0)).isNotSameAs(texts.get(0));
        assertThat(texts.get(1)).isSameAs(texts.get(1));
        assertThat(CountedKeys.texts(List.of(order(Platform.TAOBAO, "4001")))).containsExactly("TAOBAO:4001");
    }

    private static SalesOrder order(Platform platform, String id) {
        return new SalesOrder(platform, id, "shop-1", null, Channel.B2C, OrderStatus.COMPLETED, AT, new BigDecimal("10.00"),
                new BigDecimal("0.00"), "CNY", null, List.of(), List.of(), false, null, null, null, AT);
    }

    private static Shipment parcel(Carrier carrier, String number) {
        return new Shipment(carrier, number, AT, null, "CJ-1", "440106", null, null, null, null, null, null, null, null, AT);
    }
}
