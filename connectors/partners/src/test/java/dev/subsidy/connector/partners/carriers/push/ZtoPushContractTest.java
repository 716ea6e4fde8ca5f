package dev.subsidy.connector.partners.carriers.push;

import java.util.List;

/** ZTO's push: a JSON body signed into the x-dataDigest header, several waybills' events in one push. */
class ZtoPushContractTest extends TracePushContract {

    ZtoPushContractTest() {
        super("zto", null, "x-dataDigest", true, DigestForm.BASE64_MD5);
    }

    @Override
    protected String payload() {
        return """
                {"data": [
                  {"billCode": "731234567890501", "action": "SIGNED", "actionTime": "2026-03-03 11:20:31", "city": "广州市", "facilityCode": "GZ-88", "facilityName": "广州天河五山"},
                  {"billCode": "731234567890502", "action": "GOT", "actionTime": "2026-03-02 10:05:00", "city": "黔东南苗族侗族自治州", "facilityCode": "CJ-02", "facilityName": "从江贯洞"},
                  {"billCode": "731234567890501", "action": "GOT", "actionTime": "2026-03-01 16:45:00", "city": "黔东南苗族侗族自治州", "facilityCode": "CJ-01", "facilityName": "从江县城"}
                ]}""";
    }

    @Override
    protected List<String> expectedPositions() {
        return List.of("push, waybill 731234567890501", "push, waybill 731234567890502");
    }

    @Override
    protected String expectedAcknowledgement() {
        return "{\"status\": true, \"message\": \"success\", \"statusCode\": \"0000\"}";
    }
}
