package dev.subsidy.verification.fraud;

import static org.assertj.core.api.Assertions.assertThat;

import dev.subsidy.model.Carrier;
import dev.subsidy.model.Shipment;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** A census counted on several threads, each with a counter of its own, is the census of one counter over them all. */
class ShipmentCensusTest {

    private static final Instant OCTOBER = Instant.parse("2026-10-12T02:00:00Z");

    @Test
    void countersAddedTogetherGiveTheCensusOfOneCounterOverEveryParcel() {
        List<Shipment> parcels = new ArrayList<>();
        for (int i = 0; i < 3_000; i++) {
            boolean abroad = i % 7 == 0;
            String waybill = i % 11 == 0 ? "RR" + String.format("%09d", i) + "CN" // an S10 number: proof of leaving
                    : i % 13 == 0 ? "ZT-" + i // fits none of ZTO's shapes
                    : "73" + String.format("%012d", i % 2_900); // the last hundred share a core with the first
            parcels.add(parcel(i % 3 == 0 ? Carrier.YTO : Carrier.ZTO, waybill, abroad ? "US" : null));
        }
        ShipmentCensus.Counter whole = new ShipmentCensus.Counter();
        parcels.forEach(whole::add);
        ShipmentCensus one = whole.census();

        List<ShipmentCensus.Counter> threads = List.of(new ShipmentCensus.Counter(), new ShipmentCensus.Counter(),
                new ShipmentCensus.Counter());
        SplittableRandom random = new SplittableRandom(11);
        parcels.forEach(p -> threads.get(random.nextInt(threads.size())).add(p));
        ShipmentCensus added = ShipmentCensus.Counter.census(threads);

        assertThat(added.parcels()).isEqualTo(one.parcels()).isEqualTo(3_000);
        for (Carrier carrier : Carrier.values()) {
            assertThat(added.seen(carrier)).as("seen %s", carrier).isEqualTo(one.seen(carrier));
            assertThat(added.misfits(carrier)).as("misfits %s", carrier).isEqualTo(one.misfits(carrier));
        }
        assertThat(one.misfits(Carrier.ZTO)).isPositive();
        assertThat(added.abroad()).isEqualTo(one.abroad()).isPositive();
        assertThat(added.proven()).isEqualTo(one.proven()).isPositive().isLessThan(one.abroad());
        assertThat(parcels).allSatisfy(p -> assertThat(added.sharesCore(p)).as(p.waybillNo()).isEqualTo(one.sharesCore(p)));
        assertThat(parcels.stream().filter(one::sharesCore)).hasSizeGreaterThan(100);
    }

    private static Shipment parcel(Carrier carrier, String waybill, String destCountry) {
        return new Shipment(carrier, waybill, OCTOBER, "522633", null, destCountry == null ? "440106" : null, destCountry,
                null, null, null, null, null, null, null, OCTOBER);
    }
}
