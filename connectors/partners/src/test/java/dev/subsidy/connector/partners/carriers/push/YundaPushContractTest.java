package dev.subsidy.connector.partners.carriers.push;

import java.util.List;

/** Yunda's push: an unsigned JSON body of one waybill. */
class YundaPushContractTest extends TracePushContract {

    YundaPushContractTest() {
        super("yunda");
    }

    @Override
    protected String payload() {
        return """
                {"mailno": "4312345678601", "steps": [
                  {"time": "2026-03-02 03:10:00", "action": "DEPARTURE", "station": "550000", "city": "贵阳市"},
                  {"time": "2026-03-01 15:30:00", "action": "GOT", "station": "556300", "city": "黔东南苗族侗族自治州"}]}""";
    }

    @Override
    protected List<String> expectedPositions() {
        return List.of("push, waybill 4312345678601");
    }

    @Override
    protected String expectedAcknowledgement() {
        return "{\"result\": true, \"code\": \"0000\", \"message\": \"成功\"}";
    }
}
