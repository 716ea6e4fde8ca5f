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
             "traceEvents": 3, "scans": [{"type": "DELIVER", "at": "2026-03-03T11:20:31+08:00", "region": "440100"}, {"type": "COLLECT", "at": "2026-03-01T16:45:00+08:00", "region": "522600"}, {"type": "ARRIVE", "at": "2026-03-02T19:37:05+08:00", "region": "440100"}], "updatedAt": "2026-03-03T11:20:31+08:00"}
            """;
    }
}
