package dev.subsidy.connector.partners.carriers.push;

import static dev.subsidy.connector.partners.carriers.push.Pushes.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.subsidy.connector.api.ConnectorException;
import dev.subsidy.connector.api.PushConnector;
import dev.subsidy.connector.api.PushRequest;
import dev.subsidy.connector.api.RecordBatch;
import dev.subsidy.simulators.carriers.Digest;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Pushes built the way each carrier's own code builds them, their signatures computed with that code
 * outside this repository (only inputs and outputs are kept, with the code's repository, path and
 * commit): accepted as sent, refused after one changed byte. The texts hold Chinese, spaces, {@code +},
 * {@code &} and {@code =}, which the form encoding must carry intact.
 */
class OfficialClientPushesTest {

    /**
     * kuaidi100's Java demo (kuaidi100-api/java-demo, {@code src/main/java/com/kuaidi100/sdk/api/Subscribe.java}
     * {@code callBackUrl} and {@code utils/SignUtils.java}, commit 68a6ab42803039294e2fd0caa40a9d28360bd3cd):
     * sign = {@code SignUtils.sign(param + salt)}; kuaidi100 posts {@code param} and {@code sign} as a form.
     */
    static final String KUAIDI100_PARAM = "{\"status\":\"polling\",\"billstatus\":\"\",\"message\":\"\",\"lastResult\":{\"message\":\"ok\",\"state\":\"5\","
            + "\"status\":\"200\",\"condition\":\"F00\",\"ischeck\":\"0\",\"com\":\"shentong\",\"nu\":\"773012345678501\",\"data\":[{\"context\":"
            + "\"【广州天河】派件员 张三 正在派件 (电话: 020-8888+1234 & 转 5)\",\"time\":\"2026-03-03 08:30:00\",\"ftime\":\"2026-03-03 08:30:00\","
            + "\"status\":\"派件\",\"statusCode\":\"5\",\"areaCode\":\"CN440106000000\",\"areaName\":\"广东,广州市,天河区\"},{\"context\":"
            + "\"【从江县公司】已收件 = 揽收\",\"time\":\"2026-03-01 16:45:00\",\"ftime\":\"2026-03-01 16:45:00\",\"status\":\"揽收\","
            + "\"statusCode\":\"1\",\"areaCode\":\"CN522633000000\",\"areaName\":\"贵州,黔东南苗族侗族自治州,从江县\"}]}}";
    static final String KUAIDI100_SALT = "kd100-salt-32-chars-0123456789ab";
    /** {@code SignUtils.sign(KUAIDI100_PARAM + KUAIDI100_SALT)}. */
    static final String KUAIDI100_SIGN = "9696D84C147A9A64714E35ECD8642C61";
    /** {@code SignUtils.sign(KUAIDI100_PARAM + "")}: the demo's check for a subscription without a salt. */
    static final String KUAIDI100_SALTLESS_SIGN = "000A3DF5A91DF969F7F39E40A0C40AC0";

    @Test
    void kuaidi100PushAsTheDemoSignsIt() throws Exception {
        PushConnector connector = connector("kuaidi100", KUAIDI100_SALT);

        RecordBatch batch = connector.receive(form(fields("param", KUAIDI100_PARAM, "sign", KUAIDI100_SIGN), Map.of()));

        assertThat(positions(batch)).containsExactly("push, waybill 773012345678501");
        assertRefused(connector, form(fields("param", KUAIDI100_PARAM.replace("张三", "李四"), "sign", KUAIDI100_SIGN), Map.of()));
        assertRefused(connector, form(fields("param", KUAIDI100_PARAM, "sign", KUAIDI100_SALTLESS_SIGN), Map.of()));
    }

    /**
     * ZTO's zopsdk-java (ZTO-Express/zopsdk-java, {@code src/main/java/com/zto/zop/ZopClient.java} and
     * {@code ZopDigestUtil.java}, commit 110c92bf5b2da220e69e6e2769e8b0197edaac9e): header
     * {@code x-datadigest} (that spelling) = {@code ZopDigestUtil.digest(body + key, null, MD5, timestamp, null)},
     * the timestamp, when the client sets one, sent as {@code x-timestamp} and put before the text.
     */
    static final String ZTO_KEY = "zto-app-secret";
    static final String ZTO_BODY = "{\"data\":[{\"billCode\":\"731234567890501\",\"action\":\"SIGNED\",\"actionTime\":\"2026-03-03 11:20:31\","
            + "\"city\":\"广州市\",\"facilityCode\":\"GZ-88\",\"facilityName\":\"广州天河五山\",\"desc\":\"已签收，签收人: 本人 & 家属 <前台> = 'ok'\"},"
            + "{\"billCode\":\"731234567890501\",\"action\":\"GOT\",\"actionTime\":\"2026-03-01 16:45:00\",\"city\":\"黔东南苗族侗族自治州\","
            + "\"facilityCode\":\"CJ-01\",\"facilityName\":\"从江县城\"}]}";

    @Test
    void ztoJsonPushAsZopClientSignsIt() throws Exception {
        PushConnector connector = connector("zto", ZTO_KEY);

        RecordBatch batch = connector.receive(json(ZTO_BODY, Map.of("x-datadigest", "KzYVd6NrI2Ol/H1CemPBTw==", "x-companyid", "kfpttestCode")));
        RecordBatch timed = connector.receive(json(ZTO_BODY, Map.of("x-datadigest", "SOSj4YchpgiRIAuWSEbY7A==", "x-timestamp", "1772330400000")));

        assertThat(positions(batch)).containsExactly("push, waybill 731234567890501");
        assertThat(timed).isEqualTo(batch);
        assertRefused(connector, json(ZTO_BODY.replace("本人", "他人"), Map.of("x-datadigest", "KzYVd6NrI2Ol/H1CemPBTw==")));
        assertRefused(connector, json(ZTO_BODY, Map.of("x-datadigest", "SOSj4YchpgiRIAuWSEbY7A==", "x-timestamp", "1772330400001")));
    }

    @Test
    void ztoFormPushAsZopClientSignsIt() throws Exception {
        // ZopClient's form mode: the digest covers name=value&… of the fields as sent (a HashMap's order), decoded
        String body = "data=%7B%22billCode%22%3A%22731234567890502%22%2C%22action%22%3A%22GOT%22%2C%22actionTime%22%3A%222026-03-02+10%3A05%3A00%22"
                + "%2C%22city%22%3A%22%E9%BB%94%E4%B8%9C%E5%8D%97%E8%8B%97%E6%97%8F%E4%BE%97%E6%97%8F%E8%87%AA%E6%B2%BB%E5%B7%9E%22%2C%22facilityCode"
                + "%22%3A%22CJ-02%22%2C%22remark%22%3A%22a%3D1%26b%3D2+%2B%22%7D&company_id=kfpttestCode&msg_type=TRACE_PUSH";
        PushConnector connector = connector("zto", ZTO_KEY);

        RecordBatch batch = connector.receive(raw("application/x-www-form-urlencoded; charset=UTF-8", body,
                Map.of("x-datadigest", "QLRXHz9pdvn8CAXZxRGHeQ==")));

        assertThat(positions(batch)).containsExactly("push, waybill 731234567890502");
        assertRefused(connector, raw("application/x-www-form-urlencoded; charset=UTF-8", body.replace("TRACE_PUSH", "TRACE_PUSX"),
                Map.of("x-datadigest", "QLRXHz9pdvn8CAXZxRGHeQ==")));
    }

    /**
     * Cainiao's {@code doSign(content, charset, secretKey)} as printed on its signature page
     * (openapi.express.cainiao.com/docs/sign.html; no repository). The digest holds {@code +} and {@code /}.
     */
    static final String CAINIAO_LI = "{\"mailNo\":\"LP00123456789605\",\"traces\":[{\"time\":\"2026-03-01 12:00:00\",\"action\":\"PU_PICKUP_SUCCESS\","
            + "\"country\":\"CN\",\"city\":\"黔东南苗族侗族自治州\",\"facility\":\"CN-CJ01\",\"desc\":\"揽收成功 & 已称重 = 1.2kg\"},"
            + "{\"time\":\"2026-03-05 08:00:00\",\"action\":\"CC_IM_SUCCESS\",\"country\":\"MY\",\"city\":\"Kuala Lumpur\"}]}";
    static final String CAINIAO_DIGEST = "/+/EEuVhegSOPUaSyOp/rQ==";

    @Test
    void cainiaoPushAsDoSignSignsItWithTheDigestEncodedOrNot() throws Exception {
        PushConnector connector = connector("cainiao", "cn-secret");
        String encodedLi = java.net.URLEncoder.encode(CAINIAO_LI, StandardCharsets.UTF_8);

        RecordBatch encoded = connector.receive(form(fields("logistics_interface", CAINIAO_LI, "data_digest", CAINIAO_DIGEST,
                "msg_type", "LOGISTICS_TRACE_PUSH"), Map.of()));
        // a client that does not URL-encode the digest: its '+' reaches the gateway as a space
        RecordBatch unencodedDigest = connector.receive(raw("application/x-www-form-urlencoded",
                "logistics_interface=" + encodedLi + "&data_digest=" + CAINIAO_DIGEST + "&msg_type=LOGISTICS_TRACE_PUSH", Map.of()));

        assertThat(positions(encoded)).containsExactly("push, waybill LP00123456789605");
        assertThat(unencodedDigest).isEqualTo(encoded);
        assertRefused(connector, form(fields("logistics_interface", CAINIAO_LI.replace("1.2kg", "1.3kg"), "data_digest", CAINIAO_DIGEST), Map.of()));
    }

    @Test
    void aCainiaoPayloadDamagedByAMissingUrlEncodingIsRefusedSayingWhatToFix() throws Exception {
        String li = CAINIAO_LI.replace("1.2kg", "1.2kg+包装");
        String digest = Digest.base64Md5(li + "cn-secret");
        PushConnector connector = connector("cainiao", "cn-secret");

        // the sender puts the JSON in the form as it is: its '+' arrives as a space
        ConnectorException e = catchThrowableOfType(() -> connector.receive(raw("application/x-www-form-urlencoded",
                "logistics_interface=" + li + "&data_digest=" + java.net.URLEncoder.encode(digest, StandardCharsets.UTF_8), Map.of())),
                ConnectorException.class);

        assertThat(e.reason()).isEqualTo(ConnectorException.Reason.UNAUTHORIZED);
        assertThat(e.getMessage()).contains("must URL-encode logistics_interface").doesNotContain(digest).doesNotContain("cn-secret");
    }

    private static Map<String, String> fields(String... nameValues) {
        Map<String, String> f = new LinkedHashMap<>();
        for (int i = 0; i < nameValues.length; i += 2) {
            f.put(nameValues[i], nameValues[i + 1]);
        }
        return f;
    }

    private static PushRequest raw(String contentType, String body, Map<String, String> headers) {
        Map<String, List<String>> h = new LinkedHashMap<>();
        headers.forEach((k, v) -> h.put(k, List.of(v)));
        return new PushRequest(contentType, h, Map.of(), body.getBytes(StandardCharsets.UTF_8));
    }

    private static void assertRefused(PushConnector connector, PushRequest request) {
        ConnectorException e = catchThrowableOfType(() -> connector.receive(request), ConnectorException.class);
        assertThat(e).as("refused").isNotNull();
        assertThat(e.reason()).isEqualTo(ConnectorException.Reason.UNAUTHORIZED);
    }
}
