package dev.subsidy.connector.signers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.subsidy.connector.api.RequestSigner;
import dev.subsidy.connector.api.SignableRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Each signer against outputs computed with the partner's own published code, on ordinary and on
 * awkward inputs (empty and whitespace-only values, a whitespace-only name, U+3000 and U+00A0, Chinese,
 * spaces and newlines inside values, {@code = & < > '}, nested objects, arrays of objects and of
 * arrays). The official code was compiled and run outside this repository; only its inputs and outputs
 * are kept here, each with the code it came from (repository, path, commit). None of that code is in
 * this project.
 *
 * <p>Where two official sources disagree, the test says which one wins and why.
 */
class OfficialSdkVectorsTest {

    /** Every vector's secret: non-ASCII on purpose (UTF-8 before hashing). */
    private static final String SECRET = "s3cr3t-密钥";

    /** The awkward parameters added to a platform's ordinary request. */
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

    private static String sign(RequestSigner signer, Map<String, String> params) {
        return signer.sign(SignableRequest.builder().params(params).secret(SECRET).build()).params().get("sign");
    }

    /**
     * TOP's Java SDK: {@code com.taobao.api.internal.util.TaobaoUtils.signTopRequest(params, null, secret,
     * signMethod)} with {@code StringUtils.isEmpty}, from opendingtalk/alibaba-dingtalk-service-sdk (Alibaba's
     * TOP SDK as shipped for DingTalk), {@code src/main/java/com/taobao/api/internal/util/TaobaoUtils.java}
     * and {@code StringUtils.java}, commit d6863f9d298da82eeaf6491b90899e0a5a06e578.
     *
     * <p>Alibaba's Node.js client signs every key, blank ones included; the two official sources disagree
     * on the awkward request only. The Java SDK wins: it is what most integrators run, and it is the code
     * TOP's documentation prints.
     */
    @Nested
    class Top {

        private Map<String, String> ordinary(String signMethod) {
            Map<String, String> p = new LinkedHashMap<>();
            p.put("method", "taobao.trades.sold.increment.get");
            p.put("app_key", "12345678");
            p.put("session", "6100e23657fb0b2d0c78568e55a3031134be9a3a5d4b3a365753805");
            p.put("timestamp", "2026-03-01 10:00:00");
            p.put("format", "json");
            p.put("v", "2.0");
            p.put("sign_method", signMethod);
            p.put("fields", "tid,payment,orders");
            p.put("start_modified", "2026-03-01 09:00:00");
            p.put("end_modified", "2026-03-01 09:30:00");
            p.put("page_no", "1");
            p.put("page_size", "100");
            p.put("use_has_next", "true");
            return p;
        }

        private Map<String, String> awkwardRequest(String signMethod) {
            Map<String, String> p = ordinary(signMethod);
            p.putAll(awkward());
            return p;
        }

        @Test
        void ordinaryParametersInEachSignMethod() {
            assertThat(sign(new TaobaoSigner.Md5(), ordinary("md5"))).isEqualTo("1E67D03F87CE25C6B913FC690CAD7AA1");
            assertThat(sign(new TaobaoSigner.Hmac(), ordinary("hmac"))).isEqualTo("11BA880D1F83CDA48BD8517E110CF9F9");
            assertThat(sign(new TaobaoSigner.HmacSha256(), ordinary("hmac-sha256")))
                    .isEqualTo("F67296D5DF40E447A4B0F683C945C5D7037A545C9F7E9922DA0C96AF918545A2");
        }

        @Test
        void blankValuesAndABlankNameAreLeftOutButANoBreakSpaceIsSigned() {
            assertThat(sign(new TaobaoSigner.Md5(), awkwardRequest("md5"))).isEqualTo("00BA67B29C37E158E10942DE4983B793");
            assertThat(sign(new TaobaoSigner.Hmac(), awkwardRequest("hmac"))).isEqualTo("BFDACA9BA82574646178CA337119C3C7");
            assertThat(sign(new TaobaoSigner.HmacSha256(), awkwardRequest("hmac-sha256")))
                    .isEqualTo("A8D1F4B82F5086E33991C22D78C1AA071793AF79ECE6ECCE0238C434AFDB1F9A");
        }
    }

    /**
     * JD JOS's Java SDK: {@code com.jd.open.api.sdk.DefaultJdClient.sign(TreeMap, appSecret)} with
     * {@code internal.util.StringUtil.areNotEmpty} and {@code CodecUtil.md5}, from
     * pingjiang/jd-open-api-sdk-src (a public copy of JD's SDK source),
     * {@code src/main/java/com/jd/open/api/sdk/DefaultJdClient.java}, commit
     * 0d82d3a14fb7f931a4a1e25dc18fb2f1cfaadd81. JD's later SDK ({@code AbstractSign.signature4Jos}) makes
     * the same {@code StringUtil.areNotEmpty} test.
     */
    @Nested
    class JdJos {

        private Map<String, String> ordinary() {
            Map<String, String> p = new LinkedHashMap<>();
            p.put("method", "jingdong.pop.order.search");
            p.put("app_key", "D9F7B3C3E0A14E5C8D2B");
            p.put("access_token", "b7e0a1c2-3d4e-5f60-7182-93a4b5c6d7e8");
            p.put("timestamp", "2026-03-01 10:00:00.000+0800");
            p.put("v", "2.0");
            p.put("360buy_param_json", "{\"end_date\":\"2026-03-01 10:00:00\",\"order_state\":\"WAIT_SELLER_STOCK_OUT,FINISHED_L\","
                    + "\"page\":\"1\",\"page_size\":\"100\",\"remark\":\"从江 香猪 & <礼盒> = 'x'\",\"start_date\":\"2026-03-01 09:00:00\"}");
            return p;
        }

        @Test
        void ordinaryParameters() {
            assertThat(sign(new JdJosSigner(), ordinary())).isEqualTo("CA316FF921D7FE6C20F0917C57BFB340");
        }

        @Test
        void blankValuesAndABlankNameAreLeftOut() {
            Map<String, String> p = ordinary();
            p.putAll(awkward());

            assertThat(sign(new JdJosSigner(), p)).isEqualTo("F55506E87943E0DEDF58B97464E8983F");
        }
    }

    /**
     * Pinduoduo's pop-sdk: {@code com.pdd.pop.sdk.common.util.SignUtils.sign(params, clientSecret)}
     * ({@code buildSignSource} appends every entry of the sorted map; {@code DigestUtil.md5}, upper-cased),
     * from zhaoshiling1017/http-client (a public copy of the pop-sdk source; Pinduoduo publishes the SDK as
     * a download, not as a repository), {@code src/com/pdd/pop/sdk/common/util/SignUtils.java}, commit
     * 29871ab097e2e6dfc1bd2ab5f1a63b6146797c5a. Its client ({@code AbstractPopClient.assemblyNameValuePair})
     * signs the request's parameters as they are, empty ones included.
     */
    @Nested
    class Pinduoduo {

        private Map<String, String> ordinary() {
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
            return p;
        }

        @Test
        void ordinaryParameters() {
            assertThat(sign(new PinduoduoSigner(), ordinary())).isEqualTo("E87A49CB581E1AC38BBF72155CF95EDE");
        }

        @Test
        void emptyAndBlankValuesAreSignedWithTheirNames() {
            Map<String, String> p = ordinary();
            p.putAll(awkward());

            assertThat(sign(new PinduoduoSigner(), p)).isEqualTo("C98F95FEB42735BD336AF14451CC8A44");
            // the SDK's own buildSignSource of this request, between the secrets
            assertThat(PinduoduoSigner.stringToSign(p)).isEqualTo(" whitespace keyaccess_tokena5c1e9f0b2d34c6e8f7ablank chinese从江 香猪\n旗舰店"
                    + "client_id4bcb2a8e6f1d4a8c9e0fdata_typeJSONemptyend_updated_at1772330400ideographic_space\u3000is_lucky_flag0"
                    + "nbsp\u00A0newline\norder_status5padded x page1page_size100refund_status5start_updated_at1772328600"
                    + "symbolsa=1&b=<2> 'c' \"d\" +%tab_cr\t\rtimestamp1772330400typepdd.order.number.list.increment.getuse_has_nexttrue");
        }
    }

    /**
     * Douyin's doudian Java SDK: {@code com.doudian.open.utils.SignUtil.sign(appKey, appSecret, method,
     * timestamp, paramJson, v)} with {@code JsonUtil.toJsonWithNull} (Gson), and {@code stringToHmac}
     * over the same text for the HMAC scheme. Path {@code com/doudian/open/utils/SignUtil.java} of the SDK
     * that 抖店开放平台 distributes as a download; the stored copy read for this has no repository or
     * commit we could name. Computed with Gson 2.10.1 and 2.13.2 in place of the SDK's shaded copy: both
     * gave the same outputs.
     */
    @Nested
    class Douyin {

        private static final String AWKWARD = "{\"symbols\":\"= & < > ' \\\" \\\\ / +\",\"tree\":{\"z\":[{\"y\":2,\"x\":1},"
                + "{\"w\":null,\"v\":\"从江\\n香猪\"}],\"nested\":[[{\"d\":1,\"c\":2}],[3,1]],\"scalar_first\":[1,{\"q\":1,\"p\":2}],"
                + "\"empty_list\":[],\"empty_object\":{}},\"blank\":\" \",\"empty\":\"\",\"separators\":\"\\u2028\\u2029\","
                + "\"escaped\":\"\\u003d\\/\\u00e9\\t\",\"control\":\"\\u0001\\u001f\\u007f\","
                + "\"numbers\":[1.50,-0,1e5,1E+2,12345678901234567890,-7],\"flag\":true,\"nothing\":null,"
                + "\"mixed\":[{\"k\":2,\"j\":1},5,\"s\",null,[1],{\"i\":0}],\"B\":\"upper before lower\",\"_\":\"underscore\",\"店\":\"non-ASCII key\"}";

        private static final String ORDINARY = "{\"size\":100,\"page\":0,\"update_time_start\":1772328600,\"update_time_end\":1772332200,"
                + "\"order_by\":\"update_time\",\"order_asc\":false}";

        private Map<String, String> request(String paramJson) {
            Map<String, String> p = new LinkedHashMap<>();
            p.put("app_key", "7000000000000000000");
            p.put("method", "order.searchList");
            p.put("access_token", "AT");
            p.put("timestamp", "1772330400");
            p.put("v", "2");
            p.put("param_json", paramJson);
            return p;
        }

        @Test
        void ordinaryParamJson() {
            assertThat(sign(new DouyinSigner.Md5(), request(ORDINARY))).isEqualTo("1548b39c0bf7ff0fe83b64b15617eeb6");
            assertThat(sign(new DouyinSigner.HmacSha256(), request(ORDINARY)))
                    .isEqualTo("4c440f92272b64def6ad8d39c1a41aeab33cd54e401bf350527dc7498a316fb6");
        }

        @Test
        void escapedSymbolsAndArraysSortedOnlyWhereTheSdkSortsThem() {
            assertThat(sign(new DouyinSigner.Md5(), request(AWKWARD))).isEqualTo("de99b9937ecd55d6d4f8876a25e1e229");
            assertThat(sign(new DouyinSigner.HmacSha256(), request(AWKWARD)))
                    .isEqualTo("f327546d17f2dcfe4a40d511c09712ac10b50a34e2894774f6c824a77e26a39d");
        }

        @Test
        void theSdksOwnRewritingOfTheAwkwardParamJson() {
            // the param_json part of the SDK's signed text for AWKWARD (the text between "param_json" and "timestamp")
            assertThat(DoudianParamJson.signedText(AWKWARD)).isEqualTo("{\"B\":\"upper before lower\",\"_\":\"underscore\",\"blank\":\" \","
                    + "\"control\":\"\\u0001\\u001f\u007F\",\"empty\":\"\",\"escaped\":\"\\u003d/é\\t\",\"flag\":true,"
                    + "\"mixed\":[{\"j\":1,\"k\":2},{\"i\":0}],\"nothing\":null,\"numbers\":[1.50,-0,1e5,1E+2,12345678901234567890,-7],"
                    + "\"separators\":\"\\u2028\\u2029\",\"symbols\":\"\\u003d \\u0026 \\u003c \\u003e \\u0027 \\\" \\\\ / +\","
                    + "\"tree\":{\"empty_list\":[],\"empty_object\":{},\"nested\":[[{\"d\":1,\"c\":2}],[3,1]],\"scalar_first\":[1,{\"q\":1,\"p\":2}],"
                    + "\"z\":[{\"x\":1,\"y\":2},{\"v\":\"从江\\n香猪\",\"w\":null}]},\"店\":\"non-ASCII key\"}");
        }

        @Test
        void anEmptyObject() {
            assertThat(sign(new DouyinSigner.Md5(), request("{}"))).isEqualTo("33cd4c1ad157a340b3dff7e7d3b85e42");
            assertThat(sign(new DouyinSigner.HmacSha256(), request("{}")))
                    .isEqualTo("2977ca782b2bb93b41f01d072f06058cb6a6e69b520d1535311ff46e123badd0");
        }

        @Test
        void theSdkSignsAFixedV2SoAnotherVersionIsRefusedRatherThanSignedForAVersionNotSent() {
            // the SDK gives 1548b39c… for v "1" as for "2": it never reads v; sending v=1 with that sign would mislead
            Map<String, String> p = request(ORDINARY);
            p.put("v", "1");

            assertThatThrownBy(() -> sign(new DouyinSigner.Md5(), p)).hasMessageContaining("v=1").hasMessageContaining("\"v2\"");
        }
    }

    /**
     * kuaidi100's Java demo: {@code com.kuaidi100.sdk.utils.SignUtils.querySign(param, key, customer)} for
     * queries and {@code SignUtils.sign(param + salt)} for subscription pushes ({@code api.Subscribe.callBackUrl}),
     * from kuaidi100-api/java-demo, {@code src/main/java/com/kuaidi100/sdk/utils/SignUtils.java}, commit
     * 68a6ab42803039294e2fd0caa40a9d28360bd3cd. (The push side is checked in connector-partners.)
     */
    @Test
    void kuaidi100Query() {
        String param = "{\"com\":\"zhongtong\",\"num\":\"73100000000001\",\"phone\":\"1234\",\"from\":\"贵州省黔东南苗族侗族自治州从江县\","
                + "\"to\":\"广东省广州市天河区\",\"resultv2\":\"4\",\"show\":\"0\",\"order\":\"desc\"}";
        SignableRequest request = SignableRequest.builder().param("customer", "CUST01").param("param", param).secret(SECRET).build();

        assertThat(new Kuaidi100Signer().sign(request).params()).containsExactly(Map.entry("sign", "81202162D94B8786B9BBF9B4C790E7D3"));
    }

    /**
     * ZTO's zopsdk-java: {@code com.zto.zop.ZopDigestUtil.digest(body + key, null, MD5, null, null)}, the
     * text {@code ZopClient.execute} builds for a JSON body, from ZTO-Express/zopsdk-java,
     * {@code src/main/java/com/zto/zop/ZopDigestUtil.java}, commit 110c92bf5b2da220e69e6e2769e8b0197edaac9e.
     * (Its header is spelled {@code x-datadigest}; header names are case-insensitive.)
     */
    @Test
    void ztoJsonBody() {
        String body = "{\"data\":[{\"billCode\":\"731234567890501\",\"action\":\"SIGNED\",\"actionTime\":\"2026-03-03 11:20:31\",\"city\":\"广州市\","
                + "\"facilityCode\":\"GZ-88\",\"facilityName\":\"广州天河五山\",\"desc\":\"已签收，签收人: 本人 & 家属 <前台> = 'ok'\"},"
                + "{\"billCode\":\"731234567890501\",\"action\":\"GOT\",\"actionTime\":\"2026-03-01 16:45:00\",\"city\":\"黔东南苗族侗族自治州\","
                + "\"facilityCode\":\"CJ-01\",\"facilityName\":\"从江县城\"}]}";
        SignableRequest request = SignableRequest.builder().body(body).secret("zto-app-secret").build();

        assertThat(new ZtoSigner().sign(request).headers()).containsExactly(Map.entry("x-dataDigest", "KzYVd6NrI2Ol/H1CemPBTw=="));
    }

    /**
     * Cainiao's {@code doSign(content, charset, secretKey)} as printed on its signature page
     * (openapi.express.cainiao.com/docs/sign.html; no repository), run with commons-codec's Base64. The
     * digest chosen contains {@code +} and {@code /}, the characters a client that does not URL-encode
     * breaks.
     */
    @Test
    void cainiaoDigestWithPlusAndSlash() {
        String li = "{\"mailNo\":\"LP00123456789605\",\"traces\":[{\"time\":\"2026-03-01 12:00:00\",\"action\":\"PU_PICKUP_SUCCESS\","
                + "\"country\":\"CN\",\"city\":\"黔东南苗族侗族自治州\",\"facility\":\"CN-CJ01\",\"desc\":\"揽收成功 & 已称重 = 1.2kg\"},"
                + "{\"time\":\"2026-03-05 08:00:00\",\"action\":\"CC_IM_SUCCESS\",\"country\":\"MY\",\"city\":\"Kuala Lumpur\"}]}";
        SignableRequest request = SignableRequest.builder().param("logistics_interface", li).secret("cn-secret").build();

        assertThat(new CainiaoSigner().sign(request).params()).containsExactly(Map.entry("data_digest", "/+/EEuVhegSOPUaSyOp/rQ=="));
    }
}
