package dev.subsidy.connector.signers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.subsidy.connector.api.RequestSigner;
import dev.subsidy.connector.api.SignableRequest;
import dev.subsidy.connector.api.SignatureResult;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.commons.codec.binary.Base64;
import org.apache.commons.codec.digest.DigestUtils;
import org.apache.commons.codec.digest.HmacAlgorithms;
import org.apache.commons.codec.digest.HmacUtils;
import org.junit.jupiter.api.Test;

/**
 * Each signer against a value computed independently here: the string to sign written out by hand,
 * hashed and encoded with commons-codec (the signers use the JDK's MessageDigest, Mac and Base64).
 */
class SignerSchemesTest {

    private static final String SECRET = "s3cr3t-密钥";

    private static String base64Md5(String s) {
        return Base64.encodeBase64String(DigestUtils.md5(s));
    }

    private static String upperMd5(String s) {
        return DigestUtils.md5Hex(s).toUpperCase();
    }

    @Test
    void sf() {
        String msgData = "{\"trackingType\":\"1\",\"trackingNumber\":[\"SF1234567890123\"],\"memo\":\"a b&c\"}";
        SignableRequest r = SignableRequest.builder()
                .param("partnerID", "P1").param("serviceCode", "EXP_RECE_SEARCH_ROUTES")
                .param("timestamp", "1700000000000").param("msgData", msgData).secret(SECRET).build();

        String expected = base64Md5(URLEncoder.encode(msgData + "1700000000000" + SECRET, StandardCharsets.UTF_8));

        assertThat(new SfSigner().sign(r)).isEqualTo(SignatureResult.param("msgDigest", expected));
    }

    @Test
    void zto() {
        String body = "{\"billCode\":\"73100000000001\",\"mobilePhone\":\"1234\"}";
        SignableRequest r = SignableRequest.builder().body(body).header("x-appKey", "k").secret(SECRET).build();

        assertThat(new ZtoSigner().sign(r)).isEqualTo(SignatureResult.header("x-dataDigest", base64Md5(body + SECRET)));
    }

    @Test
    void sto() {
        String content = "{\"order\":{\"waybillNo\":\"773000000000001\"}}";
        SignableRequest r = SignableRequest.builder().param("api_name", "STO_TRACE_QUERY_COMMON").param("content", content).secret(SECRET).build();

        assertThat(new StoSigner().sign(r)).isEqualTo(SignatureResult.param("data_digest", base64Md5(content + SECRET)));
    }

    @Test
    void cainiao() {
        String li = "{\"mailNo\":\"LP00000000000001\",\"lang\":\"zh-CN\"}";
        SignableRequest r = SignableRequest.builder().param("msg_type", "CN_OVERSEA_LOGISTICS_INQUIRY_TRACKING")
                .param("logistics_interface", li).secret(SECRET).build();

        assertThat(new CainiaoSigner().sign(r)).isEqualTo(SignatureResult.param("data_digest", base64Md5(li + SECRET)));
    }

    @Test
    void jt() {
        String biz = "{\"billCodes\":\"JT0000000000001\"}";
        SignableRequest r = SignableRequest.builder().param("bizContent", biz).secret(SECRET).build();

        assertThat(new JtSigner().sign(r)).isEqualTo(SignatureResult.header("digest", base64Md5(biz + SECRET)));
    }

    @Test
    void yunda() {
        String body = "{\"mailno\":\"4300000000000\"}";
        SignableRequest r = SignableRequest.builder().body(body).secret(SECRET).build();

        assertThat(new YundaSigner().sign(r)).isEqualTo(SignatureResult.header("sign", DigestUtils.md5Hex(body + "_" + SECRET)));
    }

    @Test
    void ytoLegacySignsTheSystemParametersButNotParam() {
        SignableRequest r = SignableRequest.builder()
                .param("user_id", "U1").param("v", "1.01").param("timestamp", "2026-03-01 10:00:00")
                .param("method", "yto.Marketing.WaybillTrace").param("format", "XML").param("app_key", "AK")
                .param("param", "<ufinterface/>").secret(SECRET).build();

        String expected = upperMd5(SECRET + "app_keyAK" + "formatXML" + "methodyto.Marketing.WaybillTrace"
                + "timestamp2026-03-01 10:00:00" + "user_idU1" + "v1.01");

        assertThat(new YtoLegacySigner().sign(r)).isEqualTo(SignatureResult.param("sign", expected));
        assertThat(new YtoLegacySigner().sign(r.toBuilder().param("param", "<other/>").build()))
                .isEqualTo(SignatureResult.param("sign", expected));
    }

    @Test
    void ytoOpenPlatformTakesTheMethodFromAParameterOrAnAttribute() {
        String param = "{\"Number\":\"YT0000000000001\"}";
        String expected = base64Md5(param + "track_query_adapter" + "v1" + SECRET);

        SignableRequest asParam = SignableRequest.builder().param("param", param).param("method", "track_query_adapter").secret(SECRET).build();
        SignableRequest asAttribute = SignableRequest.builder().param("param", param).attribute("method", "track_query_adapter").secret(SECRET).build();

        assertThat(new YtoSigner().sign(asParam)).isEqualTo(SignatureResult.param("sign", expected));
        assertThat(new YtoSigner().sign(asAttribute)).isEqualTo(SignatureResult.param("sign", expected));
    }

    @Test
    void jdLogisticsMd5SaltAndHmac() {
        String body = "[{\"waybillCode\":\"JDVA00000000001\"}]";
        SignableRequest r = SignableRequest.builder().path("/ecap/v1/orders/trace/query")
                .param("app_key", "AK").param("access_token", "AT").param("timestamp", "2026-03-01 10:00:00").param("v", "2.0")
                .body(body).secret(SECRET).build();
        String text = SECRET + "access_tokenAT" + "app_keyAK" + "method/ecap/v1/orders/trace/query" + "param_json" + body
                + "timestamp2026-03-01 10:00:00" + "v2.0" + SECRET;

        assertThat(new JdLogisticsSigner().sign(r).params())
                .containsExactly(Map.entry("algorithm", "md5-salt"), Map.entry("sign", DigestUtils.md5Hex(text)));
        assertThat(new JdLogisticsSigner().sign(r.toBuilder().param("algorithm", "HMacSHA256").build()).params())
                .containsEntry("sign", Base64.encodeBase64String(new HmacUtils(HmacAlgorithms.HMAC_SHA_256, SECRET).hmac(text)));
        assertThatThrownBy(() -> new JdLogisticsSigner().sign(r.toBuilder().param("algorithm", "rot13").build()))
                .hasMessageContaining("md5-salt");
    }

    @Test
    void kuaidi100() {
        String param = "{\"com\":\"zhongtong\",\"num\":\"73100000000001\",\"phone\":\"1234\"}";
        SignableRequest r = SignableRequest.builder().param("customer", "CUST01").param("param", param).secret(SECRET).build();

        assertThat(new Kuaidi100Signer().sign(r)).isEqualTo(SignatureResult.param("sign", upperMd5(param + SECRET + "CUST01")));
    }

    private static SignableRequest topRequest() {
        return SignableRequest.builder()
                .param("method", "taobao.trades.sold.increment.get").param("app_key", "12345678").param("session", "SESS")
                .param("timestamp", "2026-03-01 10:00:00").param("format", "json").param("v", "2.0")
                .param("fields", "tid,payment,orders").param("page_no", "1").param("buyer_nick", "")
                .secret(SECRET).build();
    }

    // sorted by name, empty buyer_nick left out, sign_method included
    private static String topString(String signMethod) {
        return "app_key12345678" + "fieldstid,payment,orders" + "formatjson" + "methodtaobao.trades.sold.increment.get"
                + "page_no1" + "sessionSESS" + "sign_method" + signMethod + "timestamp2026-03-01 10:00:00" + "v2.0";
    }

    @Test
    void taobaoMd5() {
        SignatureResult result = new TaobaoSigner.Md5().sign(topRequest());

        assertThat(result.params()).containsExactly(
                Map.entry("sign_method", "md5"), Map.entry("sign", upperMd5(SECRET + topString("md5") + SECRET)));
    }

    @Test
    void taobaoHmac() {
        SignatureResult result = new TaobaoSigner.Hmac().sign(topRequest());

        assertThat(result.params()).containsExactly(
                Map.entry("sign_method", "hmac"),
                Map.entry("sign", new HmacUtils(HmacAlgorithms.HMAC_MD5, SECRET).hmacHex(topString("hmac")).toUpperCase()));
    }

    @Test
    void taobaoHmacSha256() {
        assertThat(new TaobaoSigner.HmacSha256().sign(topRequest()).params()).containsEntry(
                "sign", new HmacUtils(HmacAlgorithms.HMAC_SHA_256, SECRET).hmacHex(topString("hmac-sha256")).toUpperCase());
    }

    @Test
    void taobaoIgnoresAnOldSignAndRefusesAContradictorySignMethod() {
        SignableRequest withOldSign = topRequest().toBuilder().param("sign", "STALE").param("sign_method", "md5").build();

        assertThat(new TaobaoSigner.Md5().sign(withOldSign)).isEqualTo(new TaobaoSigner.Md5().sign(topRequest()));
        assertThatThrownBy(() -> new TaobaoSigner.Hmac().sign(withOldSign)).hasMessageContaining("sign_method=hmac");
    }

    @Test
    void jdJos() {
        SignableRequest r = SignableRequest.builder()
                .param("v", "2.0").param("method", "jingdong.pop.order.search").param("app_key", "AK").param("access_token", "AT")
                .param("timestamp", "2026-03-01 10:00:00").param("360buy_param_json", "{\"page\":\"2\",\"page_size\":\"100\"}")
                .secret(SECRET).build();

        String s = "360buy_param_json{\"page\":\"2\",\"page_size\":\"100\"}" + "access_tokenAT" + "app_keyAK"
                + "methodjingdong.pop.order.search" + "timestamp2026-03-01 10:00:00" + "v2.0";

        assertThat(new JdJosSigner().sign(r)).isEqualTo(SignatureResult.param("sign", upperMd5(SECRET + s + SECRET)));
    }

    @Test
    void pinduoduo() {
        SignableRequest r = SignableRequest.builder()
                .param("type", "pdd.order.number.list.increment.get").param("client_id", "CID").param("access_token", "AT")
                .param("timestamp", "1772330400").param("data_type", "JSON")
                .param("start_updated_at", "1772328600").param("end_updated_at", "1772330400")
                .param("is_lucky_flag", "0").param("order_status", "5").param("page", "1").param("page_size", "100")
                .param("use_has_next", "true").secret(SECRET).build();

        String s = "access_tokenAT" + "client_idCID" + "data_typeJSON" + "end_updated_at1772330400" + "is_lucky_flag0"
                + "order_status5" + "page1" + "page_size100" + "start_updated_at1772328600" + "timestamp1772330400"
                + "typepdd.order.number.list.increment.get" + "use_has_nexttrue";

        assertThat(new PinduoduoSigner().sign(r)).isEqualTo(SignatureResult.param("sign", upperMd5(SECRET + s + SECRET)));
    }

    private static final String DOUYIN_SENT = "{ \"size\": 100, \"page\": 0,\n \"update_time_start\": 1772328600, \"a\": {\"z\": [1, 2], \"b\": \"店\"} }";

    private static SignableRequest douyinRequest() {
        return SignableRequest.builder()
                .param("app_key", "7000000000000000000").param("method", "order.searchList").param("access_token", "AT")
                .param("timestamp", "1772330400").param("v", "2")
                .param("param_json", DOUYIN_SENT)
                .secret(SECRET).build();
    }

    // the SDK's rewriting: keys sorted at every object level, no whitespace
    private static final String DOUYIN_SIGNED_PARAM_JSON = "{\"a\":{\"b\":\"店\",\"z\":[1,2]},\"page\":0,\"size\":100,\"update_time_start\":1772328600}";

    private static String douyinString() {
        return SECRET + "app_key7000000000000000000" + "methodorder.searchList" + "param_json" + DOUYIN_SIGNED_PARAM_JSON
                + "timestamp1772330400" + "v2" + SECRET;
    }

    @Test
    void douyinMd5SignsTheRewrittenParamJsonAndLeavesTheSentOneAlone() {
        assertThat(new DouyinSigner.Md5().sign(douyinRequest()).params()).containsExactly(
                Map.entry("sign_method", "md5"),
                Map.entry("sign", DigestUtils.md5Hex(douyinString())));
    }

    @Test
    void douyinHmacSha256() {
        assertThat(new DouyinSigner.HmacSha256().sign(douyinRequest()).params()).containsEntry(
                "sign", new HmacUtils(HmacAlgorithms.HMAC_SHA_256, SECRET).hmacHex(douyinString()));
    }

    @Test
    void douyinRefusesParamJsonThatIsNotAnObjectNamingTheProblem() {
        for (String bad : new String[] {"[1]", "", "{\"a\":1,\"a\":2}", "{\"a\":01}"}) {
            assertThatThrownBy(() -> new DouyinSigner.Md5().sign(douyinRequest().toBuilder().param("param_json", bad).build()))
                    .as(bad)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("douyin-md5 signature needs param_json to be a JSON object");
        }
    }

    @Test
    void missingInputsAreNamedAndTheSecretNeverShows() {
        RequestSigner[] signers = {new SfSigner(), new ZtoSigner(), new StoSigner(), new CainiaoSigner(), new JtSigner(),
            new YundaSigner(), new YtoLegacySigner(), new YtoSigner(), new JdLogisticsSigner(), new Kuaidi100Signer(),
            new DouyinSigner.Md5()};
        SignableRequest empty = SignableRequest.builder().secret("TOP-SECRET-VALUE").build();

        for (RequestSigner signer : signers) {
            assertThatThrownBy(() -> signer.sign(empty))
                    .as(signer.name())
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith(signer.name() + " signature needs the ")
                    .hasMessageNotContaining("TOP-SECRET-VALUE");
        }
        assertThatThrownBy(() -> new ZtoSigner().sign(SignableRequest.builder().body("{}").secret("").build()))
                .hasMessage("zto signature needs the secret");
    }
}
