package dev.subsidy.connector.partners.carriers.query;

import dev.subsidy.simulators.carriers.CainiaoSimulator;
import dev.subsidy.simulators.carriers.CarrierSimulator;
import java.util.Map;

class CainiaoTraceQueryTest extends CarrierQueryTest {

    private static final String WAYBILL = "LP00123456789301";

    @Override
    CarrierSimulator simulator() {
        return new CainiaoSimulator(WAYBILL);
    }

    @Override
    String carrier() {
        return "cainiao";
    }

    @Override
    String realWaybill() {
        return WAYBILL;
    }

    @Override
    String mapping() {
        return "cainiao-trace-push";
    }

    @Override
    Map<String, String> extraSettings() {
        return Map.of();
    }

    @Override
    String signatureErrorCode() {
        return "S02";
    }

    @Override
    String expectedShipment() {
        return """
            {"kind": "shipment", "carrier": "CAINIAO", "waybillNo": "LP00123456789301",
             "collectedAt": "2026-03-01T16:45:00+08:00", "originSite": "CJ-01",
             "destCountry": "MY",
             "deliveredAt": "2026-03-03T11:20:31+08:00",
             "traceEvents": 3, "updatedAt": "2026-03-03T11:20:31+08:00"}
            """;
    }
}
