package dev.subsidy.connector.partners.carriers.push;

import static dev.subsidy.connector.partners.carriers.push.Pushes.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.subsidy.connector.api.ConnectorException;
import dev.subsidy.connector.api.PushConnector;
import dev.subsidy.connector.api.RecordBatch;
import dev.subsidy.simulators.carriers.Digest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Pushes of SF (unsigned, several waybills unsorted), STO and Cainiao (form field signed with the LINK
 * scheme), J&amp;T (bizContent signed into the digest header, newest first), Yunda, YTO and JD (JSON).
 */
class OtherCarriersPushTest {

    @Test
    void sfRoutesOfTwoWaybillsBecomeTwoRecordsAndSfsAcknowledgement() throws Exception {
        PushConnector connector = connector("sf", null);
        String push = """
                {"Body": {"WaybillRoute": [
                  {"id": "1", "mailno": "SF1234567890501", "acceptTime": "2026-03-03 14:22:08", "acceptAddress": "广州市", "remark": "已签收", "opCode": "80"},
                  {"id": "2", "mailno": "SF1234567890502", "acceptTime": "2026-03-02 09:00:00", "acceptAddress": "黔东南苗族侗族自治州", "remark": "已收取快件", "opCode": "50"},
                  {"id": "3", "mailno": "SF1234567890501", "acceptTime": "2026-03-01 15:02:11", "acceptAddress": "黔东南苗族侗族自治州", "remark": "已收取快件", "opCode": "50"}]}}""";

        RecordBatch batch = connector.receive(json(push, Map.of()));

        assertThat(positions(batch)).containsExactly("push, waybill SF1234567890501", "push, waybill SF1234567890502");
        var mapped = mapped("sf-trace-push", batch);
        assertSameJson(mapped.get(0), """
                [{"kind": "shipment", "carrier": "SF", "waybillNo": "SF1234567890501",
                  "collectedAt": "2026-03-01T15:02:11+08:00", "originRegion": "522600", "destRegion": "440100",
                  "deliveredAt": "2026-03-03T14:22:08+08:00", "deliveredRegion": "440100",
                  "traceEvents": 2, "scans": [{"type": "DELIVER", "at": "2026-03-03T14:22:08+08:00", "region": "440100"}, {"type": "COLLECT", "at": "2026-03-01T15:02:11+08:00", "region": "522600"}], "updatedAt": "2026-03-03T14:22:08+08:00"}]""");
        assertSameJson(mapped.get(1), "{\"rejected\": \"SF waybill SF1234567890502: no destination yet: only a collection scan\"}");
        assertSameJson(tree(connector.acknowledge(json(push, Map.of()), batch).body()), "{\"return_code\": \"0000\", \"return_msg\": \"成功\"}");
    }

    @Test
    void stoContentSignedWithTheSecretKeyIsAcceptedAndAnotherKeyRefused() throws Exception {
        String content = """
                {"waybillNo": "773012345678601", "traces": [
                  {"opTime": "2026-03-02 20:00:00", "scanType": "到件", "opOrgName": "贵阳转运中心", "opOrgCode": "550000", "opOrgCityName": "贵阳市"},
                  {"opTime": "2026-03-01 17:20:00", "scanType": "收件", "opOrgName": "从江县公司", "opOrgCode": "552630", "opOrgCityName": "黔东南苗族侗族自治州"}]}""";
        PushConnector connector = connector("sto", "sto-secret");

        RecordBatch batch = connector.receive(form(Map.of("api_name", "STO_TRACE_PLATFORM_PUSH", "content", content,
                "data_digest", Digest.base64Md5(content + "sto-secret")), Map.of()));

        assertSameJson(mapped("sto-trace-push", batch).get(0), """
                [{"kind": "shipment", "carrier": "STO", "waybillNo": "773012345678601",
                  "collectedAt": "2026-03-01T17:20:00+08:00", "originSite": "552630", "destRegion": "520100",
                  "traceEvents": 2, "scans": [{"type": "ARRIVE", "at": "2026-03-02T20:00:00+08:00", "region": "520100", "facility": "550000"}, {"type": "COLLECT", "at": "2026-03-01T17:20:00+08:00", "region": "522600", "facility": "552630"}], "updatedAt": "2026-03-02T20:00:00+08:00"}]""");
        assertRefused(connector, form(Map.of("content", content, "data_digest", Digest.base64Md5(content + "other")), Map.of()));
    }

    @Test
    void cainiaoLogisticsInterfaceSignedWithTheSecretKeyIsAccepted() throws Exception {
        String event = """
                {"mailNo": "LP00123456789601", "traces": [
                  {"time": "2026-03-01 12:00:00", "action": "PU_PICKUP_SUCCESS", "country": "CN", "city": "黔东南苗族侗族自治州", "facility": "CN-CJ01"},
                  {"time": "2026-03-05 08:00:00", "action": "CC_IM_SUCCESS", "country": "MY", "city": "Kuala Lumpur"}]}""";
        PushConnector connector = connector("cainiao", "cn-secret");

        RecordBatch batch = connector.receive(form(Map.of("logistics_interface", event,
                "data_digest", Digest.base64Md5(event + "cn-secret"), "msg_type", "LOGISTICS_TRACE_PUSH"), Map.of()));

        assertSameJson(mapped("cainiao-trace-push", batch).get(0), """
                [{"kind": "shipment", "carrier": "CAINIAO", "waybillNo": "LP00123456789601",
                  "collectedAt": "2026-03-01T12:00:00+08:00", "originSite": "CN-CJ01", "destCountry": "MY",
                  "traceEvents": 2, "scans": [{"type": "COLLECT", "at": "2026-03-01T12:00:00+08:00", "region": "522600", "facility": "CN-CJ01"}, {"type": "CUSTOMS", "at": "2026-03-05T08:00:00+08:00", "facility": "Kuala Lumpur"}], "updatedAt": "2026-03-05T08:00:00+08:00"}]""");
        assertRefused(connector, form(Map.of("logistics_interface", event, "data_digest", "AAAA"), Map.of()));
    }

    @Test
    void jtBizContentListIsCutPerWaybillAndItsDigestHeaderChecked() throws Exception {
        String biz = """
                [{"billCode": "JT0001234567601", "details": [
                   {"scanTime": "2026-03-03 15:10:00", "scanType": "快件签收", "scanNetworkCode": "020115", "scanNetworkCity": "广州市"},
                   {"scanTime": "2026-03-01 18:00:00", "scanType": "快件揽收", "scanNetworkCode": "855601", "scanNetworkCity": "黔东南苗族侗族自治州"}]},
                 {"billCode": "JT0001234567602", "details": [
                   {"scanTime": "2026-03-02 10:00:00", "scanType": "发件扫描", "scanNetworkCode": "855601", "scanNetworkCity": "黔东南苗族侗族自治州"}]}]""";
        PushConnector connector = connector("jt", "jt-key");

        RecordBatch batch = connector.receive(form(Map.of("bizContent", biz), Map.of("digest", Digest.base64Md5(biz + "jt-key"))));

        assertThat(positions(batch)).containsExactly("push, waybill JT0001234567601", "push, waybill JT0001234567602");
        var mapped = mapped("jt-trace-push", batch);
        assertSameJson(mapped.get(0), """
                [{"kind": "shipment", "carrier": "JT", "waybillNo": "JT0001234567601",
                  "collectedAt": "2026-03-01T18:00:00+08:00", "originSite": "855601", "destRegion": "440100",
                  "deliveredAt": "2026-03-03T15:10:00+08:00", "deliveredRegion": "440100", "deliverySite": "020115",
                  "traceEvents": 2, "scans": [{"type": "DELIVER", "at": "2026-03-03T15:10:00+08:00", "region": "440100", "facility": "020115"}, {"type": "COLLECT", "at": "2026-03-01T18:00:00+08:00", "region": "522600", "facility": "855601"}], "updatedAt": "2026-03-03T15:10:00+08:00"}]""");
        assertSameJson(mapped.get(1), "{\"rejected\": \"J&T waybill JT0001234567602: no collection scan (快件揽收) among its 1 scans\"}");
        assertRefused(connector, form(Map.of("bizContent", biz), Map.of("digest", Digest.base64Md5(biz + "other"))));
    }

    @Test
    void yundaYtoAndJdPushesAreJsonBodiesAcknowledgedInTheirShapes() throws Exception {
        String yunda = """
                {"mailno": "4312345678601", "steps": [
                  {"time": "2026-03-02 03:10:00", "action": "DEPARTURE", "station": "550000", "city": "贵阳市"},
                  {"time": "2026-03-01 15:30:00", "action": "GOT", "station": "556300", "city": "黔东南苗族侗族自治州"}]}""";
        PushConnector connector = connector("yunda", null);

        RecordBatch batch = connector.receive(json(yunda, Map.of()));

        assertSameJson(mapped("yunda-trace-push", batch).get(0), """
                [{"kind": "shipment", "carrier": "YUNDA", "waybillNo": "4312345678601",
                  "collectedAt": "2026-03-01T15:30:00+08:00", "originSite": "556300", "destRegion": "520100",
                  "traceEvents": 2, "scans": [{"type": "DEPART", "at": "2026-03-02T03:10:00+08:00", "region": "520100", "facility": "550000"}, {"type": "COLLECT", "at": "2026-03-01T15:30:00+08:00", "region": "522600", "facility": "556300"}], "updatedAt": "2026-03-02T03:10:00+08:00"}]""");
        assertThat(tree(connector.acknowledge(json(yunda, Map.of()), batch).body()).path("result").asBoolean()).isTrue();
        assertThat(positions(connector("yto", null).receive(json("{\"waybill_No\": \"YT1\", \"traces\": []}", Map.of()))))
                .containsExactly("push, waybill YT1");
        assertThat(positions(connector("jd", null).receive(json("{\"waybillCode\": \"JDVA1\", \"traceDetails\": []}", Map.of()))))
                .containsExactly("push, waybill JDVA1");
    }

    private static void assertRefused(PushConnector connector, dev.subsidy.connector.api.PushRequest request) {
        ConnectorException e = catchThrowableOfType(() -> connector.receive(request), ConnectorException.class);
        assertThat(e.reason()).isEqualTo(ConnectorException.Reason.UNAUTHORIZED);
    }
}
