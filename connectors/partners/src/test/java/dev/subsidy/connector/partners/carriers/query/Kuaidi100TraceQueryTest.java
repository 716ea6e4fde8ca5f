package dev.subsidy.connector.partners.carriers.query;

import dev.subsidy.simulators.carriers.CarrierSimulator;
import dev.subsidy.simulators.carriers.Kuaidi100Simulator;
import java.util.Map;

class Kuaidi100TraceQueryTest extends CarrierQueryTest {

    private static final String WAYBILL = "731234567890302";

    @Override
    CarrierSimulator simulator() {
        return new Kuaidi100Simulator(WAYBILL);
    }

    @Override
    String carrier() {
        return "kuaidi100";
    }

    @Override
    String realWaybill() {
        return WAYBILL;
    }

    @Override
    String mapping() {
        return "kuaidi100-trace-push";
    }

    @Override
    Map<String, String> extraSettings() {
        return Map.of("company", "zhongtong", "phone", "1234");
    }

    @Override
    String signatureErrorCode() {
        return "503";
    }

    @Override
    String expectedShipment() {
        return """
            {"kind": "shipment", "carrier": "ZTO", "waybillNo": "731234567890302",
             "collectedAt": "2026-03-01T16:45:00+08:00", "originRegion": "522633",
             "destRegion": "440106",
             "deliveredAt": "2026-03-03T11:20:31+08:00", "deliveredRegion": "440106",
             "traceEvents": 3, "scans": [{"type": "DELIVER", "at": "2026-03-03T11:20:31+08:00", "region": "440106"}, {"type": "COLLECT", "at": "2026-03-01T16:45:00+08:00", "region": "522633"}], "updatedAt": "2026-03-03T11:20:31+08:00"}
            """;
    }
}
