package dev.subsidy.connector.partners.carriers.query;

import dev.subsidy.simulators.carriers.CarrierSimulator;
import dev.subsidy.simulators.carriers.JtSimulator;
import java.util.Map;

class JtTraceQueryTest extends CarrierQueryTest {

    private static final String WAYBILL = "JT0001234567301";

    @Override
    CarrierSimulator simulator() {
        return new JtSimulator(WAYBILL);
    }

    @Override
    String carrier() {
        return "jt";
    }

    @Override
    String realWaybill() {
        return WAYBILL;
    }

    @Override
    String mapping() {
        return "jt-trace-push";
    }

    @Override
    Map<String, String> extraSettings() {
        return Map.of();
    }

    @Override
    String signatureErrorCode() {
        return "145003030";
    }

    @Override
    String expectedShipment() {
        return """
            {"kind": "shipment", "carrier": "JT", "waybillNo": "JT0001234567301",
             "collectedAt": "2026-03-01T16:45:00+08:00", "originSite": "CJ-01",
             "destRegion": "440100",
             "deliveredAt": "2026-03-03T11:20:31+08:00", "deliveredRegion": "440100", "deliverySite": "GZ-88",
             "traceEvents": 3, "scans": [{"type": "DELIVER", "at": "2026-03-03T11:20:31+08:00", "region": "440100", "facility": "GZ-88"}, {"type": "ARRIVE", "at": "2026-03-02T19:37:05+08:00", "region": "440100", "facility": "GZ-00"}, {"type": "COLLECT", "at": "2026-03-01T16:45:00+08:00", "region": "522600", "facility": "CJ-01"}], "updatedAt": "2026-03-03T11:20:31+08:00"}
            """;
    }
}
