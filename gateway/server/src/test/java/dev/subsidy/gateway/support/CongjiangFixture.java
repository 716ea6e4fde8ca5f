package dev.subsidy.gateway.support;

/**
 * A small registry for 从江县 (522633) and the identities the end-to-end tests use. Credit codes
 * carry valid check characters (GB 32100-2015), computed by hand for these tests.
 */
public final class CongjiangFixture {

    public static final String ZTO_COMPANY = "91522633MA6D0KD01Y";
    public static final String SF_COMPANY = "91522633MA6D0KD022";
    public static final String MERCHANT_TEA = "92522633MA6D0M001G";
    public static final String MERCHANT_RICE = "92522633MA6D0M002K";
    public static final String OUTSIDE_MERCHANT = "91520100MA6D0X005D";
    public static final String CENTRE = "91522633MA6D0LC060";
    public static final String TOWN_BINGMEI = "522633100";

    private CongjiangFixture() {}

    public static String registryJson() {
        return """
            [
              {"type": "EXPRESS_COMPANY", "id": "%s", "name": "从江中通快递有限公司", "region": "522633100",
               "registeredOn": "2019-03-01", "taxRegistered": true, "carriers": ["ZTO"],
               "sites": [{"carrier": "ZTO", "siteCode": "CJ-ZTO-01", "region": "522633100"}]},
              {"type": "EXPRESS_COMPANY", "id": "%s", "name": "从江顺丰速运有限公司", "region": "522633101",
               "registeredOn": "2018-06-01", "taxRegistered": true,
               "sites": [{"carrier": "SF", "siteCode": "CJ-SF-01", "region": "522633101"}]},
              {"type": "MERCHANT", "id": "%s", "name": "从江香禾茶叶店", "region": "522633100",
               "registeredOn": "2020-01-15", "taxRegistered": true, "sizeClass": "BELOW",
               "categories": ["AGRICULTURAL", "LOCAL_PRODUCT"], "shops": [{"platform": "TAOBAO", "shopId": "tea-001"}]},
              {"type": "MERCHANT", "id": "%s", "name": "从江香猪腊肉铺", "region": "522633101",
               "registeredOn": "2021-05-10", "taxRegistered": true, "sizeClass": "BELOW",
               "shops": [{"platform": "PDD", "shopId": "rice-9"}]},
              {"type": "MERCHANT", "id": "%s", "name": "贵阳某商贸有限公司", "region": "520100",
               "shops": [{"platform": "JD", "shopId": "gy-1"}]},
              {"type": "LOGISTICS_CENTRE", "id": "%s", "name": "从江县电商物流配送中心", "region": "522633100",
               "carriers": ["ZTO", "SF"]},
              {"type": "TOWN", "id": "%s", "name": "丙妹镇", "region": "522633100"}
            ]""".formatted(ZTO_COMPANY, SF_COMPANY, MERCHANT_TEA, MERCHANT_RICE, OUTSIDE_MERCHANT, CENTRE, TOWN_BINGMEI);
    }
}
