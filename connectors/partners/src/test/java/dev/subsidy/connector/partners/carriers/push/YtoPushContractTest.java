package dev.subsidy.connector.partners.carriers.push;

import java.util.List;

/** YTO's push: an unsigned JSON body of one waybill. */
class YtoPushContractTest extends TracePushContract {

    YtoPushContractTest() {
        super("yto");
    }

    @Override
    protected String payload() {
        return """
                {"waybill_No": "YT1234567890601", "traces": [
                  {"upload_Time": "2026-03-02 18:40:00", "infoContent": "GOT", "processInfo": "【从江县】已揽收", "city": "黔东南苗族侗族自治州"}]}""";
    }

    @Override
    protected List<String> expectedPositions() {
        return List.of("push, waybill YT1234567890601");
    }

    @Override
    protected String expectedAcknowledgement() {
        return "{\"success\": true, \"code\": \"0\", \"message\": \"成功\"}";
    }
}
