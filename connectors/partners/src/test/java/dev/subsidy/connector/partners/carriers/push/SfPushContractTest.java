package dev.subsidy.connector.partners.carriers.push;

import java.util.List;

/** SF's route push: an unsigned JSON body, several waybills' routes in one push. */
class SfPushContractTest extends TracePushContract {

    SfPushContractTest() {
        super("sf");
    }

    @Override
    protected String payload() {
        return """
                {"Body": {"WaybillRoute": [
                  {"id": "1", "mailno": "SF1234567890501", "acceptTime": "2026-03-03 14:22:08", "acceptAddress": "广州市", "remark": "已签收", "opCode": "80"},
                  {"id": "2", "mailno": "SF1234567890502", "acceptTime": "2026-03-02 09:00:00", "acceptAddress": "黔东南苗族侗族自治州", "remark": "已收取快件", "opCode": "50"},
                  {"id": "3", "mailno": "SF1234567890501", "acceptTime": "2026-03-01 15:02:11", "acceptAddress": "黔东南苗族侗族自治州", "remark": "已收取快件", "opCode": "50"}]}}""";
    }

    @Override
    protected List<String> expectedPositions() {
        return List.of("push, waybill SF1234567890501", "push, waybill SF1234567890502");
    }

    @Override
    protected String expectedAcknowledgement() {
        return "{\"return_code\": \"0000\", \"return_msg\": \"成功\"}";
    }
}
