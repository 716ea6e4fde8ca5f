package dev.subsidy.verification;

import static org.assertj.core.api.Assertions.assertThat;

import dev.subsidy.model.Carrier;
import dev.subsidy.model.Shipment;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Values under an order's waybill keys, found from a parcel's carrier and number as its natural key would be. */
class ByWaybillTest {

    private static Shipment parcel(Carrier carrier, String waybillNo) {
        return new Shipment(carrier, waybillNo, Instant.parse("2026-06-10T02:00:00Z"), "522633", null, "440106", null,
                null, null, null, null, null, null, null, null);
    }

    @Test
    void aParcelFindsWhatIsKeptUnderItsNaturalKey() {
        ByWaybill<String> byWaybill = new ByWaybill<>();
        assertThat(byWaybill.isEmpty()).isTrue();
        assertThat(byWaybill.computeIfAbsent("ZTO:7310001", key -> "named as " + key)).isEqualTo("named as ZTO:7310001");
        assertThat(byWaybill.computeIfAbsent("ZTO:7310001", key -> "again")).isEqualTo("named as ZTO:7310001");

        assertThat(byWaybill.isEmpty()).isFalse();
        assertThat(byWaybill.get(parcel(Carrier.ZTO, "7310001"))).isEqualTo("named as ZTO:7310001");
        assertThat(byWaybill.get(parcel(Carrier.ZTO, "7310002"))).isNull();
        assertThat(byWaybill.get(parcel(Carrier.YTO, "7310001"))).isNull();
    }

    @Test
    void theNumberIsAllAfterTheFirstColonAsAParcelsKeyJoinsThem() {
        ByWaybill<String> byWaybill = new ByWaybill<>();
        byWaybill.computeIfAbsent(Shipment.key(Carrier.OTHER, "A:17"), key -> key);

        assertThat(byWaybill.get(parcel(Carrier.OTHER, "A:17"))).isEqualTo("OTHER:A:17");
        assertThat(byWaybill.get(parcel(Carrier.OTHER, "A"))).isNull();
    }

    @Test
    void aKeyNoParcelCanHaveKeepsNothing() {
        ByWaybill<String> byWaybill = new ByWaybill<>();

        assertThat(byWaybill.computeIfAbsent("7310001", key -> key)).isNull();
        assertThat(byWaybill.computeIfAbsent("zto:7310001", key -> key)).isNull();
        assertThat(byWaybill.computeIfAbsent("ZTOX:7310001", key -> key)).isNull();
        assertThat(byWaybill.computeIfAbsent(null, key -> key)).isNull();
        assertThat(byWaybill.isEmpty()).isTrue();
        assertThat(byWaybill.get(parcel(Carrier.ZTO, "7310001"))).isNull();
    }
}
