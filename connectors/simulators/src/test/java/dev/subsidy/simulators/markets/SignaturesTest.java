package dev.subsidy.simulators.markets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The simulators' own signature check reproduces the platforms' published vectors and outputs computed
 * with the platforms' own SDK code (the same vectors as connector-signers' {@code OfficialSdkVectorsTest},
 * where each source's repository, path and commit is named), so a simulator refusing a request is the
 * platform refusing it, not one implementation disagreeing with another.
 */
class SignaturesTest {

    private static final String SECRET = "s3cr3t-密钥";

    /** Blank, empty, padded, Chinese and symbol values, and a whitespace-only name. */
    private static Map<String, String> awkward() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("empty", "");
        p.put("blank", " ");
        p.put("newline", "\n");
        p.put("tab_cr", "\t\r");
        p.put("ideographic_space", "\u3000");
        p.put("nbsp", "\u00A0");
        p.put("padded", " x ");
        p.put("chinese", "从江 香猪\n旗舰店");
        p.put("symbols", "a=1&b=<2> 'c' \"d\" +%");
        p.put(" ", "whitespace key");
        return p;
    }

    @Test
    void pinduoduosPublishedExample() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("access_token", "asd78172s8ds9a921j9qqwda12312w1w21211");
        p.put("client_id", "1");
        p.put("data_type", "XML");
        p.put("type", "pdd.order.number.list.get");
        p.put("timestamp", "1480411125");
        p.put("order_status", "1");
        p.put("page", "1");
        p.put("page_size", "10");

        assertThat(Signatures.md5Wrapped("testSecret", Signatures.everyParam(p))).isEqualTo("E4DE3ED21002510DED352819E7AE6775");
    }

    @Test
    void jdJosPublishedExample() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("method", "jingdong.pop.order.search");
        p.put("app_key", "yourappkey");
        p.put("access_token", "yourtoken");
        p.put("timestamp", "2021-05-07 09:20:39.683+0800");
        p.put("v", "2.0");
        p.put("360buy_param_json", "{\"end_date\":null,\"optional_fields\":null,\"order_state\":\"WAIT_SELLER_STOCK_OUT\","
                + "\"page\":\"1\",\"page_size\":\"200\",\"start_date\":null}");

        assertThat(Signatures.md5Wrapped("yourappSecret", Signatures.withoutBlankValues(p))).isEqualTo("D70825340F4084360B9362B60DFD7930");
    }

    /** TOP's Java SDK ({@code TaobaoUtils.signTopRequest}) on the awkward request, md5 and hmac. */
    @Test
    void topSdkLeavesBlankValuesOut() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("method", "taobao.trades.sold.increment.get");
        p.put("app_key", "12345678");
        p.put("session", "6100e23657fb0b2d0c78568e55a3031134be9a3a5d4b3a365753805");
        p.put("timestamp", "2026-03-01 10:00:00");
        p.put("format", "json");
        p.put("v", "2.0");
        p.put("sign_method", "md5");
        p.put("fields", "tid,payment,orders");
        p.put("start_modified", "2026-03-01 09:00:00");
        p.put("end_modified", "2026-03-01 09:30:00");
        p.put("page_no", "1");
        p.put("page_size", "100");
        p.put("use_has_next", "true");
        p.putAll(awkward());

        assertThat(Signatures.md5Wrapped(SECRET, Signatures.withoutBlankValues(p))).isEqualTo("00BA67B29C37E158E10942DE4983B793");
        p.put("sign_method", "hmac");
        assertThat(Signatures.hmac("HmacMD5", SECRET, Signatures.withoutBlankValues(p)).toUpperCase())
                .isEqualTo("BFDACA9BA82574646178CA337119C3C7");
    }

    /** JD's SDK ({@code DefaultJdClient.sign}) on the awkward request. */
    @Test
    void josSdkLeavesBlankValuesOut() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("method", "jingdong.pop.order.search");
        p.put("app_key", "D9F7B3C3E0A14E5C8D2B");
        p.put("access_token", "b7e0a1c2-3d4e-5f60-7182-93a4b5c6d7e8");
        p.put("timestamp", "2026-03-01 10:00:00.000+0800");
        p.put("v", "2.0");
        p.put("360buy_param_json", "{\"end_date\":\"2026-03-01 10:00:00\",\"order_state\":\"WAIT_SELLER_STOCK_OUT,FINISHED_L\","
                + "\"page\":\"1\",\"page_size\":\"100\",\"remark\":\"从江 香猪 & <礼盒> = 'x'\",\"start_date\":\"2026-03-01 09:00:00\"}");
        p.putAll(awkward());

        assertThat(Signatures.md5Wrapped(SECRET, Signatures.withoutBlankValues(p))).isEqualTo("F55506E87943E0DEDF58B97464E8983F");
    }

    /** Pinduoduo's pop-sdk ({@code SignUtils.sign}) on the awkward request: empty values are signed. */
    @Test
    void pinduoduoSdkSignsEveryValue() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("type", "pdd.order.number.list.increment.get");
        p.put("client_id", "4bcb2a8e6f1d4a8c9e0f");
        p.put("access_token", "a5c1e9f0b2d34c6e8f7a");
        p.put("timestamp", "1772330400");
        p.put("data_type", "JSON");
        p.put("start_updated_at", "1772328600");
        p.put("end_updated_at", "1772330400");
        p.put("is_lucky_flag", "0");
        p.put("order_status", "5");
        p.put("refund_status", "5");
        p.put("page", "1");
        p.put("page_size", "100");
        p.put("use_has_next", "true");
        p.putAll(awkward());

        assertThat(Signatures.md5Wrapped(SECRET, Signatures.everyParam(p))).isEqualTo("C98F95FEB42735BD336AF14451CC8A44");
    }

    /** Douyin's SDK ({@code SignUtil.sign}) on an awkward param_json: its signed text and its sign. */
    @Test
    void douyinSdkRewritesParamJson() {
        String paramJson = "{\"symbols\":\"= & < > ' \\\" \\\\ / +\",\"tree\":{\"z\":[{\"y\":2,\"x\":1},"
                + "{\"w\":null,\"v\":\"从江\\n香猪\"}],\"nested\":[[{\"d\":1,\"c\":2}],[3,1]],\"scalar_first\":[1,{\"q\":1,\"p\":2}],"
                + "\"empty_list\":[],\"empty_object\":{}},\"blank\":\" \",\"empty\":\"\",\"separators\":\"\\u2028\\u2029\","
                + "\"escaped\":\"\\u003d\\/\\u00e9\\t\",\"control\":\"\\u0001\\u001f\\u007f\","
                + "\"numbers\":[1.50,-0,1e5,1E+2,12345678901234567890,-7],\"flag\":true,\"nothing\":null,"
                + "\"mixed\":[{\"k\":2,\"j\":1},5,\"s\",null,[1],{\"i\":0}],\"B\":\"upper before lower\",\"_\":\"underscore\",\"店\":\"non-ASCII key\"}";
        String signed = Signatures.douyinParamJson(paramJson);

        assertThat(signed).isEqualTo("{\"B\":\"upper before lower\",\"_\":\"underscore\",\"blank\":\" \","
                + "\"control\":\"\\u0001\\u001f\u007F\",\"empty\":\"\",\"escaped\":\"\\u003d/é\\t\",\"flag\":true,"
                + "\"mixed\":[{\"j\":1,\"k\":2},{\"i\":0}],\"nothing\":null,\"numbers\":[1.50,-0,1e5,1E+2,12345678901234567890,-7],"
                + "\"separators\":\"\\u2028\\u2029\",\"symbols\":\"\\u003d \\u0026 \\u003c \\u003e \\u0027 \\\" \\\\ / +\","
                + "\"tree\":{\"empty_list\":[],\"empty_object\":{},\"nested\":[[{\"d\":1,\"c\":2}],[3,1]],\"scalar_first\":[1,{\"q\":1,\"p\":2}],"
                + "\"z\":[{\"x\":1,\"y\":2},{\"v\":\"从江\\n香猪\",\"w\":null}]},\"店\":\"non-ASCII key\"}");
        assertThat(Signatures.md5(SECRET + "app_key7000000000000000000methodorder.searchListparam_json" + signed
                + "timestamp1772330400v2" + SECRET)).isEqualTo("de99b9937ecd55d6d4f8876a25e1e229");
        assertThatThrownBy(() -> Signatures.douyinParamJson("[1]")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theSignTakesNoPartAndOnlyPinduoduoSignsEmptyValues() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("b", "2");
        p.put("sign", "ABC");
        p.put("a", "1");
        p.put("c", "");
        p.put("d", " ");

        assertThat(Signatures.withoutBlankValues(p)).isEqualTo("a1b2");
        assertThat(Signatures.everyParam(p)).isEqualTo("a1b2cd ");
    }
}
