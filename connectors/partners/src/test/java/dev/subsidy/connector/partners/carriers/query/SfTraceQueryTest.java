package dev.subsidy.connector.partners.carriers.query;

import dev.subsidy.simulators.carriers.CarrierSimulator;
import dev.subsidy.simulators.carriers.SfSimulator;
import java.util.Map;

class SfTraceQueryTest extends CarrierQueryTest {

    private static final String WAYBILL = "SF1234567890301";

    @Override
    CarrierSimulator simulator() {
        return new SfSimulator(WAYBILL);
    }

    @Override
    String carrier() {
        return "sf";
    }

    @Override
    String realWaybill() {
        return WAYBILL;
    }

    @Override
    String mapping() {
        return "sf-routes";
    }

    @Override
    Map<String, String> extraSettings() {
        return Map.of("phone", "1234");
    }

    @Override
    String signatureErrorCode() {
        return "A1006";
    }

    @Override
    String expectedShipment() {
        return """
            {"kind": "shipment", "carrier": "SF", "waybillNo": "SF1234567890301",
             "collectedAt": "2026-03-01T16:45:00+08:00", "originRegion": "522600",
             "destRegion": "440100",
             "deliveredAt": "2026-03-03T11:20:31+08:00", "deliveredRegion": "440100",
             "traceEvents": 3, "updatedAt": "2026-03-03T11:20:31+08:00"}
            """;
    }
}
