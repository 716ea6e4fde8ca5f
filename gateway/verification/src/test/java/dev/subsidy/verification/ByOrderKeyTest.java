package dev.subsidy.verification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.subsidy.model.Channel;
import dev.subsidy.model.OrderStatus;
import dev.subsidy.model.Platform;
import dev.subsidy.model.SalesOrder;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** A close's orders under their keys, no key string held: it answers as a linked map of the same keys would. */
class ByOrderKeyTest {

    private static final Instant PAID = Instant.parse("2026-10-05T02:00:00Z");

    @Test
    void itAnswersAsALinkedMapOfTheSameKeysWould() {
        SplittableRandom random = new SplittableRandom(7);
        Platform[] platforms = Platform.values();
        Map<String, StoredOrder> linked = new LinkedHashMap<>();
        ByOrderKey<StoredOrder> byKey = new ByOrderKey<>(StoredOrder::record);
        List<String> asked = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            // ids that repeat across platforms, ids with a colon, ids past ASCII
            String id = switch (random.nextInt(4)) {
                case 0 -> Integer.toString(random.nextInt(5_000));
                case 1 -> "A:" + random.nextInt(500);
                case 2 -> "订单" + random.nextInt(500);
                default -> Long.toString(random.nextLong(1L << 40));
            };
            StoredOrder o = stored(platforms[random.nextInt(platforms.length)], id);
            String key = o.record().naturalKey();
            asked.add(key);
            if (random.nextBoolean()) {
                assertThat(byKey.put(key, o)).isSameAs(linked.put(key, o));
            } else {
                assertThat(byKey.putIfAbsent(key, o)).isSameAs(linked.putIfAbsent(key, o));
            }
        }

        assertThat(byKey).hasSameSizeAs(linked).isEqualTo(linked);
        assertThat(linked).isEqualTo(byKey);
        assertThat(List.copyOf(byKey.keySet())).isEqualTo(List.copyOf(linked.keySet()));
        assertThat(List.copyOf(byKey.values())).isEqualTo(List.copyOf(linked.values()));
        for (String key : asked) {
            assertThat(byKey.get(key)).isSameAs(linked.get(key));
        }
        List<String> seen = new ArrayList<>();
        byKey.forEach((key, o) -> {
            assertThat(o.record().naturalKey()).isEqualTo(key);
            seen.add(key);
        });
        assertThat(seen).isEqualTo(List.copyOf(linked.keySet()));
    }

    @Test
    void aKeyItDoesNotHoldIsNotFoundWhateverItsShape() {
        ByOrderKey<StoredOrder> byKey = new ByOrderKey<>(StoredOrder::record);
        byKey.put("JD:1001", stored(Platform.JD, "1001"));

        assertThat(byKey.get("JD:1001")).isNotNull();
        assertThat(byKey.containsKey("TAOBAO:1001")).as("another platform's order of that id").isFalse();
        assertThat(byKey.containsKey("JD:100")).isFalse();
        assertThat(byKey.containsKey("JD:10011")).isFalse();
        assertThat(byKey.containsKey("NOPLATFORM:1001")).isFalse();
        assertThat(byKey.containsKey("JD")).isFalse();
        assertThat(byKey.containsKey("")).isFalse();
        assertThat(byKey.containsKey(null)).isFalse();
        assertThat(byKey.containsKey(1001)).isFalse();
    }

    @Test
    void aValueReplacedKeepsItsPlaceAndOneUnderAnotherKeyIsRefused() {
        ByOrderKey<StoredOrder> byKey = new ByOrderKey<>(StoredOrder::record);
        StoredOrder first = stored(Platform.PDD, "1");
        byKey.put("PDD:1", first);
        byKey.put("PDD:2", stored(Platform.PDD, "2"));
        StoredOrder again = stored(Platform.PDD, "1");

        assertThat(byKey.put("PDD:1", again)).isSameAs(first);
        assertThat(byKey.keySet()).containsExactly("PDD:1", "PDD:2");
        assertThat(byKey.get("PDD:1")).isSameAs(again);
        assertThatThrownBy(() -> byKey.put("PDD:3", stored(Platform.PDD, "4")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("PDD:4").hasMessageContaining("PDD:3");
        assertThat(byKey).hasSize(2);
    }

    @Test
    void valuesMadeOfTheOrdersOfAMapAreHeldUnderTheSameKeysInTheSameOrder() {
        ByOrderKey<StoredOrder> held = new ByOrderKey<>(StoredOrder::record, 4);
        Map<String, StoredOrder> linked = new LinkedHashMap<>();
        for (int i = 0; i < 1_000; i++) {
            StoredOrder o = stored(i % 2 == 0 ? Platform.JD : Platform.PDD, Integer.toString(i * 7919 % 1_000));
            held.add(o);
            linked.put(o.record().naturalKey(), o);
        }
        for (Map<String, StoredOrder> source : List.of(held, linked)) {
            List<String> made = source.values().stream().map(o -> "made of " + o.record().naturalKey()).toList();
            ByOrderKey<String> copy = ByOrderKey.of(source, made, text -> order(text.substring("made of ".length())));

            assertThat(List.copyOf(copy.keySet())).isEqualTo(List.copyOf(source.keySet()));
            assertThat(copy.get("JD:0")).isEqualTo("made of JD:0");
            assertThat(copy.get("PDD:1000")).isNull();
            // the copy takes new keys without touching its source
            copy.put("TAOBAO:1", "made of TAOBAO:1");
            assertThat(copy).hasSize(1_001).containsEntry("TAOBAO:1", "made of TAOBAO:1");
            assertThat(source).hasSize(1_000).doesNotContainKey("TAOBAO:1");
        }
        List<String> shifted = new ArrayList<>(held.values().stream().map(o -> "made of " + o.record().naturalKey()).toList());
        shifted.add(0, shifted.remove(shifted.size() - 1));
        assertThatThrownBy(() -> ByOrderKey.of(held, shifted, text -> order(text.substring("made of ".length()))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("in the place of");
        assertThatThrownBy(() -> ByOrderKey.of(held, List.of("made of JD:0"), text -> order("JD:0")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1 values for 1000 orders");
        Map<String, StoredOrder> misKeyed = new LinkedHashMap<>();
        misKeyed.put("JD:1", stored(Platform.JD, "1"));
        misKeyed.put("JD:2", stored(Platform.JD, "1")); // a second key naming the first one's order
        assertThatThrownBy(() -> ByOrderKey.of(misKeyed, List.copyOf(misKeyed.values()), StoredOrder::record))
                .as("not re-keyed, nor one of them dropped").isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("JD:1 given in the place of JD:2");
        ByOrderKey<String> none = ByOrderKey.of(new ByOrderKey<StoredOrder>(StoredOrder::record), List.of(), ByOrderKeyTest::order);
        none.put("JD:1", "JD:1");
        assertThat(none).containsOnlyKeys("JD:1");
    }

    private static SalesOrder order(String key) {
        int colon = key.indexOf(':');
        return stored(Platform.valueOf(key.substring(0, colon)), key.substring(colon + 1)).record();
    }

    private static StoredOrder stored(Platform platform, String id) {
        return new StoredOrder(new SalesOrder(platform, id, "shop-1", null, Channel.B2C, OrderStatus.PAID, PAID,
                new BigDecimal("10.00"), new BigDecimal("0.00"), "CNY", null, List.of(), List.of(), false, null, null,
                null, PAID), List.of("feed"), 0);
    }
}
