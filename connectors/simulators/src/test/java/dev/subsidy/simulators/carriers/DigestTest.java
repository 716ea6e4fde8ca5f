package dev.subsidy.simulators.carriers;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The carrier simulators' arithmetic ({@link Digest}) against outputs of the carriers' own code, so a
 * simulator that refuses a signature refuses what the carrier would (sources: connector-signers'
 * {@code OfficialSdkVectorsTest} and this module's {@code OfficialClientPushesTest}).
 */
class DigestTest {

    @Test
    void ztoDigestAsZopDigestUtilComputesIt() {
        String body = "{\"data\":[{\"billCode\":\"731234567890501\",\"action\":\"SIGNED\",\"actionTime\":\"2026-03-03 11:20:31\",\"city\":\"广州市\","
                + "\"facilityCode\":\"GZ-88\",\"facilityName\":\"广州天河五山\",\"desc\":\"已签收，签收人: 本人 & 家属 <前台> = 'ok'\"},"
                + "{\"billCode\":\"731234567890501\",\"action\":\"GOT\",\"actionTime\":\"2026-03-01 16:45:00\",\"city\":\"黔东南苗族侗族自治州\","
                + "\"facilityCode\":\"CJ-01\",\"facilityName\":\"从江县城\"}]}";

        assertThat(Digest.base64Md5(body + "zto-app-secret")).isEqualTo("KzYVd6NrI2Ol/H1CemPBTw==");
    }

    @Test
    void kuaidi100QuerySignAsItsDemoComputesIt() {
        String param = "{\"com\":\"zhongtong\",\"num\":\"73100000000001\",\"phone\":\"1234\",\"from\":\"贵州省黔东南苗族侗族自治州从江县\","
                + "\"to\":\"广东省广州市天河区\",\"resultv2\":\"4\",\"show\":\"0\",\"order\":\"desc\"}";

        assertThat(Digest.upperHexMd5(param + "s3cr3t-密钥" + "CUST01")).isEqualTo("81202162D94B8786B9BBF9B4C790E7D3");
    }

    @Test
    void cainiaoDigestAsItsDoSignAndWorkedExampleGiveIt() {
        assertThat(Digest.base64Md5("hello1234" + "key123")).isEqualTo("ufYU7rvXhHY3IDyZgyt6SA==");
    }
}
