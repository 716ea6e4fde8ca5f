package dev.subsidy.connector.partners.carriers.query;

import dev.subsidy.simulators.carriers.CarrierSimulator;
import dev.subsidy.simulators.carriers.ZtoSimulator;
import java.util.Map;

class ZtoTraceQueryTest extends CarrierQueryTest {

    private static final String WAYBILL = "731234567890301";

    @Override
    CarrierSimulator simulator() {
        return new ZtoSimulator(WAYBILL);
    }

    @Override
    String carrier() {
        return "zto";
    }

    @Override
    String realWaybill() {
        return WAYBILL;
    }

    @Override
    String mapping() {
        return "zto-trace-query";
    }

    @Override
    Map<String, String> extraSettings() {
        return Map.of("phone", "1234");
    }

    @Override
    String signatureErrorCode() {
        return "S211";
    }

    @Override
    String expectedShipment() {
        return """
            {"kind": "shipment", "carrier": "ZTO", "waybillNo": "731234567890301",
             "collectedAt": "2026-03-01T16:45:00+08:00", "originSite": "CJ-01",
             "destRegion": "440100",
             "deliveredAt": "2026-03-03T11:20:31+08:00", "deliveredRegion": "440100", "deliverySite": "GZ-88",
             "traceEvents": 3, "scans": [{"type": "COLLECT", "at": "2026-03-01T16:45:00+08:00", "region": "522600", "facility": "CJ-01"}, {"type": "ARRIVE", "at": "2026-03-02T19:37:05+08:00", "region": "440100", "facility": "GZ-00"}, {"type": "DELIVER", "at": "2026-03-03T11:20:31+08:00", "region": "440100", "facility": "GZ-88"}], "updatedAt": "2026-03-03T11:20:31+08:00"}
            """;
    }
}
