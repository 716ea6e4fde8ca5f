package dev.subsidy.gateway.awards;

/**
 * A small registry for 信江新区 (towns 360602007 and 360602100 of 月湖区): a logistics firm's regional
 * headquarters and two merchants in the e-commerce city, each merchant with a shop of its own so every
 * test's sales stay apart.
 */
final class XinjiangFixture {

    static final String HQ = "91360602MA35XJHQ01";
    /** Sales in 2015 only: the refund test. */
    static final String MERCHANT_A = "92360602MA35XJA001";
    /** Sales in 2016 and 2017 only: the test across years. */
    static final String MERCHANT_B = "92360602MA35XJB001";

    private XinjiangFixture() {}

    static String registryJson() {
        return """
            [
              {"type": "EXPRESS_COMPANY", "id": "%s", "name": "信江某物流区域总部", "region": "360602007",
               "registeredOn": "2014-01-01", "taxRegistered": true, "carriers": ["ZTO"],
               "attributes": {"regionalHq": "true"}},
              {"type": "MERCHANT", "id": "%s", "name": "信江甲电商", "region": "360602100",
               "registeredOn": "2014-03-01", "taxRegistered": true, "sizeClass": "BELOW",
               "shops": [{"platform": "TAOBAO", "shopId": "xj-a"}], "attributes": {"ecommerceCity": "true"}},
              {"type": "MERCHANT", "id": "%s", "name": "信江乙电商", "region": "360602100",
               "registeredOn": "2014-03-01", "taxRegistered": true, "sizeClass": "BELOW",
               "shops": [{"platform": "TAOBAO", "shopId": "xj-b"}], "attributes": {"ecommerceCity": "true"}}
            ]""".formatted(HQ, MERCHANT_A, MERCHANT_B);
    }

    /** One B2C order of the shop, paid at noon (UTC+8) on the day. */
    static String order(String shopId, String orderId, String day, String amount, String status, String refunded) {
        return """
            {"kind": "order", "platform": "TAOBAO", "orderId": "%s", "shopId": "%s", "channel": "B2C", "status": "%s",
             "paidAt": "%sT12:00:00+08:00", "amount": "%s", "refundedAmount": "%s"}"""
                .formatted(orderId, shopId, status, day, amount, refunded);
    }
}
