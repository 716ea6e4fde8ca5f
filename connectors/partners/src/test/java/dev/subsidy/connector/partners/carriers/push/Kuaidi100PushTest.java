package dev.subsidy.connector.partners.carriers.push;

import static dev.subsidy.connector.partners.carriers.push.Pushes.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.subsidy.connector.api.ConnectorException;
import dev.subsidy.connector.api.PushConnector;
import dev.subsidy.connector.api.RecordBatch;
import dev.subsidy.simulators.carriers.Digest;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** kuaidi100's subscription push: form param and sign = upper-case hex MD5(param + salt), computed here independently. */
class Kuaidi100PushTest {

    private static final String SALT = "kd100-salt";
    private static final String PARAM = """
            {"status":"polling","billstatus":"","message":"","autoCheck":"0","comOld":"","comNew":"",
             "lastResult":{"message":"ok","state":"5","status":"200","condition":"F00","ischeck":"0","com":"shentong","nu":"773012345678501",
              "data":[
               {"context":"【广州天河】派件员正在派件","time":"2026-03-03 08:30:00","ftime":"2026-03-03 08:30:00","status":"派件","statusCode":"5","areaCode":"CN440106000000","areaName":"广东,广州市,天河区"},
               {"context":"快件已到达【广州转运中心】","time":"2026-03-02 19:37:05","ftime":"2026-03-02 19:37:05","status":"在途","statusCode":"0","areaCode":"CN440100000000","areaName":"广东,广州市"},
               {"context":"【从江县公司】已收件","time":"2026-03-01 16:45:00","ftime":"2026-03-01 16:45:00","status":"揽收","statusCode":"1","areaCode":"CN522633000000","areaName":"贵州,黔东南苗族侗族自治州,从江县"}]}}""";

    private static Map<String, String> fields(String param, String sign) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("param", param);
        f.put("sign", sign);
        return f;
    }

    @Test
    void aSignedPushBecomesTheRealCarriersShipmentAndIsAcknowledgedAsKuaidi100Expects() throws Exception {
        PushConnector connector = connector("kuaidi100", SALT);

        RecordBatch batch = connector.receive(form(fields(PARAM, Digest.upperHexMd5(PARAM + SALT)), Map.of()));

        assertThat(positions(batch)).containsExactly("push, waybill 773012345678501");
        assertSameJson(mapped("kuaidi100-trace-push", batch).get(0), """
                [{"kind": "shipment", "carrier": "STO", "waybillNo": "773012345678501",
                  "collectedAt": "2026-03-01T16:45:00+08:00", "originRegion": "522633", "destRegion": "440106",
                  "traceEvents": 3, "scans": [{"type": "OUT_FOR_DELIVERY", "at": "2026-03-03T08:30:00+08:00", "region": "440106"}, {"type": "COLLECT", "at": "2026-03-01T16:45:00+08:00", "region": "522633"}], "updatedAt": "2026-03-03T08:30:00+08:00"}]""");
        assertSameJson(tree(connector.acknowledge(form(Map.of(), Map.of()), batch).body()),
                "{\"result\": true, \"returnCode\": \"200\", \"message\": \"成功\"}");
    }

    @Test
    void aWrongOrMissingSignIsRefused() throws Exception {
        PushConnector connector = connector("kuaidi100", SALT);

        for (String sign : new String[] {Digest.upperHexMd5(PARAM + "other"), Digest.hexMd5(PARAM + SALT), ""}) {
            ConnectorException e = catchThrowableOfType(() -> connector.receive(form(fields(PARAM, sign), Map.of())), ConnectorException.class);
            assertThat(e.reason()).as("sign %s", sign).isEqualTo(ConnectorException.Reason.UNAUTHORIZED);
        }
    }

    @Test
    void aPushWithoutParamIsABadPayload() throws Exception {
        PushConnector connector = connector("kuaidi100", SALT);

        ConnectorException e = catchThrowableOfType(() -> connector.receive(form(Map.of("sign", "X"), Map.of())), ConnectorException.class);

        assertThat(e.reason()).isEqualTo(ConnectorException.Reason.BAD_PAYLOAD);
    }

    /** A connector for a subscription made without a salt. */
    private static PushConnector unsignedConnector() throws ConnectorException {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put(TracePushProvider.CARRIER, "kuaidi100");
        settings.put(TracePushProvider.UNSIGNED, "true");
        TracePushProvider provider = new TracePushProvider();
        assertThat(provider.validate(settings)).isEmpty();
        PushConnector connector = (PushConnector) provider.create();
        connector.start(dev.subsidy.connector.testkit.TestConnectorContext.builder(provider.configDef()).settings(settings).build());
        return connector;
    }

    @Test
    void aSaltlessSubscriptionsPushIsAcceptedWithoutASignOrWithTheDemosMd5OfParam() throws Exception {
        PushConnector connector = unsignedConnector();
        String param = OfficialClientPushesTest.KUAIDI100_PARAM;

        RecordBatch unsigned = connector.receive(form(Map.of("param", param), Map.of()));
        RecordBatch md5OfParam = connector.receive(form(fields(param, OfficialClientPushesTest.KUAIDI100_SALTLESS_SIGN), Map.of()));

        assertThat(positions(unsigned)).containsExactly("push, waybill 773012345678501");
        assertThat(md5OfParam).isEqualTo(unsigned);
    }

    @Test
    void aSaltlessSubscriptionsPushWithAWrongSignIsRefused() throws Exception {
        PushConnector connector = unsignedConnector();
        String param = OfficialClientPushesTest.KUAIDI100_PARAM;

        ConnectorException e = catchThrowableOfType(
                () -> connector.receive(form(fields(param.replace("张三", "李四"), OfficialClientPushesTest.KUAIDI100_SALTLESS_SIGN), Map.of())),
                ConnectorException.class);

        assertThat(e.reason()).isEqualTo(ConnectorException.Reason.UNAUTHORIZED);
    }
}
