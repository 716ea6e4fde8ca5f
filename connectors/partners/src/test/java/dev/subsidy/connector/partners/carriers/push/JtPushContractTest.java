package dev.subsidy.connector.partners.carriers.push;

import java.util.List;

/** J&amp;T's push: form field bizContent, a list of waybills, signed into the digest header. */
class JtPushContractTest extends TracePushContract {

    JtPushContractTest() {
        super("jt", "bizContent", "digest", true, DigestForm.BASE64_MD5);
    }

    @Override
    protected String payload() {
        return """
                [{"billCode": "JT0001234567601", "details": [
                   {"scanTime": "2026-03-03 15:10:00", "scanType": "快件签收", "scanNetworkCode": "020115", "scanNetworkCity": "广州市"},
                   {"scanTime": "2026-03-01 18:00:00", "scanType": "快件揽收", "scanNetworkCode": "855601", "scanNetworkCity": "黔东南苗族侗族自治州"}]},
                 {"billCode": "JT0001234567602", "details": [
                   {"scanTime": "2026-03-02 10:00:00", "scanType": "发件扫描", "scanNetworkCode": "855601", "scanNetworkCity": "黔东南苗族侗族自治州"}]}]""";
    }

    @Override
    protected List<String> expectedPositions() {
        return List.of("push, waybill JT0001234567601", "push, waybill JT0001234567602");
    }

    @Override
    protected String expectedAcknowledgement() {
        return "{\"code\": \"1\", \"msg\": \"success\", \"data\": \"SUCCESS\"}";
    }
}
