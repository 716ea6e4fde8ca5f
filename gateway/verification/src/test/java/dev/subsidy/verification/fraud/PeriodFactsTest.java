package dev.subsidy.verification.fraud;

import static org.assertj.core.api.Assertions.assertThat;

import dev.subsidy.model.Carrier;
import dev.subsidy.model.Channel;
import dev.subsidy.model.OrderStatus;
import dev.subsidy.model.Period;
import dev.subsidy.model.Platform;
import dev.subsidy.model.SalesOrder;
import dev.subsidy.model.Shipment;
import dev.subsidy.verification.Direction;
import dev.subsidy.verification.Jurisdiction;
import dev.subsidy.verification.OrderVerdict;
import dev.subsidy.verification.RegistrySnapshot;
import dev.subsidy.verification.ShipmentVerdict;
import dev.subsidy.verification.StoredOrder;
import dev.subsidy.verification.StoredShipment;
import dev.subsidy.verification.TrustLevel;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The links between parcels and orders, in the order the rules read them. */
class PeriodFactsTest {

    private static final Jurisdiction CONGJIANG = new Jurisdiction("从江县", List.of("522633"));
    private static final Instant JUNE = Instant.parse("2026-06-10T02:00:00Z");

    @Test
    void ordersNamingAParcelComeInTheOrdersOrderAndAParcelsOwnOrderLast() {
        ShipmentVerdict w1 = parcel("731", null);
        ShipmentVerdict w2 = parcel("732", null);
        ShipmentVerdict w3 = parcel("733", "TAOBAO:B");
        ShipmentVerdict unlinked = parcel("734", null);
        OrderVerdict a = order("A", "ZTO:732", "ZTO:731", "ZTO:799");
        OrderVerdict b = order("B", "ZTO:731");
        OrderVerdict c = order("C");
        Map<String, OrderVerdict> orders = new LinkedHashMap<>();
        List.of(a, b, c).forEach(o -> orders.put(o.key(), o));

        PeriodFacts facts = new PeriodFacts(Period.parse("2026-06"), CONGJIANG, new RegistrySnapshot(List.of(), CONGJIANG),
                List.of(w1, w2, w3, unlinked), orders, Map.of(), Map.of(), Map.of(), Map.of(), c2 -> TrustLevel.MARKETPLACE);

        assertThat(facts.ordersOf(w1)).containsExactly(a, b);
        assertThat(facts.ordersOf(w2)).containsExactly(a);
        assertThat(facts.ordersOf(w3)).containsExactly(b);
        assertThat(facts.ordersOf(unlinked)).isEmpty();
        // an order's parcels: those it names, in its list's order, then those naming it
        assertThat(facts.parcelsOf(a)).containsExactly(w2, w1);
        assertThat(facts.parcelsOf(b)).containsExactly(w1, w3);
        assertThat(facts.parcelsOf(c)).isEmpty();
    }

    @Test
    void aParcelNamedTwiceByOneOrderAndByOneThatItNamesIsLinkedAsOftenAsNamed() {
        ShipmentVerdict w1 = parcel("731", "TAOBAO:A");
        OrderVerdict a = order("A", "ZTO:731", "ZTO:731");
        Map<String, OrderVerdict> orders = Map.of(a.key(), a);

        PeriodFacts facts = new PeriodFacts(Period.parse("2026-06"), CONGJIANG, new RegistrySnapshot(List.of(), CONGJIANG),
                List.of(w1), orders, Map.of(), Map.of(), Map.of(), Map.of(), c2 -> TrustLevel.MARKETPLACE);

        // named twice in its list; its own reference to the order adds no third link
        assertThat(facts.ordersOf(w1)).containsExactly(a, a);
        assertThat(facts.parcelsOf(a)).containsExactly(w1, w1);
    }

    @Test
    void aWaybillThatThousandsOfOrdersNameIsLinkedToEachInTheOrdersOrder() {
        ShipmentVerdict w1 = parcel("731", null);
        Map<String, OrderVerdict> orders = new LinkedHashMap<>();
        for (int i = 0; i < 20_000; i++) {
            OrderVerdict o = order("N" + i, "ZTO:731");
            orders.put(o.key(), o);
        }

        PeriodFacts facts = new PeriodFacts(Period.parse("2026-06"), CONGJIANG, new RegistrySnapshot(List.of(), CONGJIANG),
                List.of(w1), orders, Map.of(), Map.of(), Map.of(), Map.of(), c2 -> TrustLevel.MARKETPLACE);

        assertThat(facts.ordersOf(w1)).containsExactlyElementsOf(orders.values());
        assertThat(orders.values()).allSatisfy(o -> assertThat(facts.parcelsOf(o)).containsExactly(w1));
    }

    private static ShipmentVerdict parcel(String waybill, String orderRef) {
        Shipment s = new Shipment(Carrier.ZTO, waybill, JUNE, "522633", null, "440106", null, null, null, null, orderRef,
                null, null, null, JUNE);
        return ShipmentVerdict.of(new StoredShipment(s, List.of("standard"), 0), List.of(), Direction.OUTBOUND, null, JUNE);
    }

    private static OrderVerdict order(String id, String... waybills) {
        SalesOrder o = new SalesOrder(Platform.TAOBAO, id, "tea", null, Channel.B2C, OrderStatus.COMPLETED, JUNE,
                new BigDecimal("50.00"), BigDecimal.ZERO.setScale(2), "CNY", null, List.of(waybills), List.of(), false, null,
                null, null, JUNE);
        return OrderVerdict.of(new StoredOrder(o, List.of("standard"), 0), List.of(), null);
    }
}
