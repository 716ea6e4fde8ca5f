package dev.subsidy.connector.partners.carriers.push;

import java.util.List;

/** JD's push: an unsigned JSON body of one waybill. */
class JdPushContractTest extends TracePushContract {

    JdPushContractTest() {
        super("jd");
    }

    @Override
    protected String payload() {
        return """
                {"waybillCode": "JDVA12345678601", "traceDetails": [
                  {"operationTime": "2026-03-01 17:05:00", "operationTitle": "揽收", "siteCode": "855601", "city": "黔东南苗族侗族自治州"}]}""";
    }

    @Override
    protected List<String> expectedPositions() {
        return List.of("push, waybill JDVA12345678601");
    }

    @Override
    protected String expectedAcknowledgement() {
        return "{\"code\": 0, \"msg\": \"success\"}";
    }
}
