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
             "traceEvents": 3, "scans": [{"type": "COLLECT", "at": "2026-03-01T16:45:00+08:00", "region": "522600", "facility": "CJ-01"}, {"type": "EXPORT", "at": "2026-03-02T19:37:05+08:00", "region": "440100", "facility": "GZ-00"}, {"type": "DELIVER", "at": "2026-03-03T11:20:31+08:00", "facility": "Kuala Lumpur"}], "updatedAt": "2026-03-03T11:20:31+08:00"}
            """;
    }
}
