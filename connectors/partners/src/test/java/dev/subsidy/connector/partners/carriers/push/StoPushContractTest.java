package dev.subsidy.connector.partners.carriers.push;

import java.util.List;

/** STO's push: form field content, data_digest = Base64(MD5(content + secret key)) in a form field. */
class StoPushContractTest extends TracePushContract {

    StoPushContractTest() {
        super("sto", "content", "data_digest", false, DigestForm.BASE64_MD5);
    }

    @Override
    protected String payload() {
        return """
                {"waybillNo": "773012345678601", "traces": [
                  {"opTime": "2026-03-02 20:00:00", "scanType": "到件", "opOrgName": "贵阳转运中心", "opOrgCode": "550000", "opOrgCityName": "贵阳市"},
                  {"opTime": "2026-03-01 17:20:00", "scanType": "收件", "opOrgName": "从江县公司", "opOrgCode": "552630", "opOrgCityName": "黔东南苗族侗族自治州"}]}""";
    }

    @Override
    protected List<String> expectedPositions() {
        return List.of("push, waybill 773012345678601");
    }

    @Override
    protected String expectedAcknowledgement() {
        return "{\"success\": true, \"errorCode\": \"\", \"errorMsg\": \"\", \"needRetry\": false}";
    }
}
