package dev.subsidy.connector.partners.carriers.push;

import java.util.List;

/** Cainiao's push: form field logistics_interface, data_digest = Base64(MD5(it + secret key)) in a form field. */
class CainiaoPushContractTest extends TracePushContract {

    CainiaoPushContractTest() {
        super("cainiao", "logistics_interface", "data_digest", false, DigestForm.BASE64_MD5);
    }

    @Override
    protected String payload() {
        return """
                {"mailNo": "LP00123456789601", "traces": [
                  {"time": "2026-03-01 12:00:00", "action": "PU_PICKUP_SUCCESS", "country": "CN", "city": "黔东南苗族侗族自治州", "facility": "CN-CJ01", "desc": "揽收成功 & 已称重 = 1.2kg+"},
                  {"time": "2026-03-05 08:00:00", "action": "CC_IM_SUCCESS", "country": "MY", "city": "Kuala Lumpur"}]}""";
    }

    @Override
    protected List<String> expectedPositions() {
        return List.of("push, waybill LP00123456789601");
    }

    @Override
    protected String expectedAcknowledgement() {
        return "{\"success\": \"true\", \"errorCode\": \"\", \"errorMsg\": \"\"}";
    }
}
