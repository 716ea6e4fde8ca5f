package dev.subsidy.connector.partners.carriers.push;

import static dev.subsidy.connector.partners.carriers.push.Pushes.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.subsidy.connector.api.ConnectorException;
import dev.subsidy.connector.api.PushConnector;
import dev.subsidy.connector.api.RecordBatch;
import dev.subsidy.simulators.carriers.Digest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** ZTO's trace push: header x-dataDigest = Base64(MD5(raw body + appSecret)), computed here independently. */
class ZtoPushTest {

    private static final String SECRET = "zto-app-secret";
    private static final String PUSH = """
            {"data": [
              {"billCode": "731234567890501", "action": "SIGNED", "actionTime": "2026-03-03 11:20:31", "city": "广州市", "facilityCode": "GZ-88", "facilityName": "广州天河五山"},
              {"billCode": "731234567890502", "action": "GOT", "actionTime": "2026-03-02 10:05:00", "city": "黔东南苗族侗族自治州", "facilityCode": "CJ-02", "facilityName": "从江贯洞"},
              {"billCode": "731234567890501", "action": "GOT", "actionTime": "2026-03-01 16:45:00", "city": "黔东南苗族侗族自治州", "facilityCode": "CJ-01", "facilityName": "从江县城"}
            ]}""";

    @Test
    void aSignedPushIsCutPerWaybillAndOneWaybillsRejectionSparesTheOther() throws Exception {
        PushConnector connector = connector("zto", SECRET);

        RecordBatch batch = connector.receive(json(PUSH, Map.of("x-dataDigest", Digest.base64Md5(PUSH + SECRET), "x-appKey", "k")));

        assertThat(positions(batch)).containsExactly("push, waybill 731234567890501", "push, waybill 731234567890502");
        var mapped = mapped("zto-trace-push", batch);
        assertSameJson(mapped.get(0), """
                [{"kind": "shipment", "carrier": "ZTO", "waybillNo": "731234567890501",
                  "collectedAt": "2026-03-01T16:45:00+08:00", "originSite": "CJ-01", "destRegion": "440100",
                  "deliveredAt": "2026-03-03T11:20:31+08:00", "deliveredRegion": "440100", "deliverySite": "GZ-88",
                  "traceEvents": 2, "scans": [{"type": "DELIVER", "at": "2026-03-03T11:20:31+08:00", "region": "440100", "facility": "GZ-88"}, {"type": "COLLECT", "at": "2026-03-01T16:45:00+08:00", "region": "522600", "facility": "CJ-01"}], "updatedAt": "2026-03-03T11:20:31+08:00"}]""");
        assertSameJson(mapped.get(1), "{\"rejected\": \"ZTO waybill 731234567890502: no destination yet: only a collection scan\"}");
        assertSameJson(tree(connector.acknowledge(json(PUSH, Map.of()), batch).body()), "{\"status\": true, \"message\": \"success\", \"statusCode\": \"0000\"}");
    }

    @Test
    void aPushSignedWithAnotherSecretIsRefused() throws Exception {
        PushConnector connector = connector("zto", SECRET);

        ConnectorException e = catchThrowableOfType(
                () -> connector.receive(json(PUSH, Map.of("x-dataDigest", Digest.base64Md5(PUSH + "other")))), ConnectorException.class);

        assertThat(e.reason()).isEqualTo(ConnectorException.Reason.UNAUTHORIZED);
        assertThat(e.getMessage()).doesNotContain(SECRET).doesNotContain(Digest.base64Md5(PUSH + SECRET));
    }

    @Test
    void anAlteredOrUnsignedPushIsRefused() throws Exception {
        PushConnector connector = connector("zto", SECRET);
        String altered = PUSH.replace("2026-03-01 16:45:00", "2026-02-01 16:45:00");

        for (var request : List.of(json(altered, Map.of("x-dataDigest", Digest.base64Md5(PUSH + SECRET))), json(PUSH, Map.of()))) {
            assertThat(catchThrowableOfType(() -> connector.receive(request), ConnectorException.class).reason())
                    .isEqualTo(ConnectorException.Reason.UNAUTHORIZED);
        }
    }

    @Test
    void aSignedBodyThatIsNotJsonIsABadPayload() throws Exception {
        PushConnector connector = connector("zto", SECRET);
        String body = "billCode=731234567890501";

        ConnectorException e = catchThrowableOfType(
                () -> connector.receive(json(body, Map.of("x-dataDigest", Digest.base64Md5(body + SECRET)))), ConnectorException.class);

        assertThat(e.reason()).isEqualTo(ConnectorException.Reason.BAD_PAYLOAD);
    }
}
