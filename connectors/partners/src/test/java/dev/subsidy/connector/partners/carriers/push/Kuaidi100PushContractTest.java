package dev.subsidy.connector.partners.carriers.push;

import java.util.List;

/** kuaidi100's subscription push: form field param, sign = upper-case hex MD5(param + salt) in a form field. */
class Kuaidi100PushContractTest extends TracePushContract {

    Kuaidi100PushContractTest() {
        super("kuaidi100", "param", "sign", false, DigestForm.UPPER_HEX_MD5);
    }

    @Override
    protected String payload() {
        return """
                {"status":"polling","billstatus":"","message":"","autoCheck":"0","comOld":"","comNew":"",
                 "lastResult":{"message":"ok","state":"5","status":"200","condition":"F00","ischeck":"0","com":"shentong","nu":"773012345678501",
                  "data":[
                   {"context":"【广州天河】派件员正在派件","time":"2026-03-03 08:30:00","ftime":"2026-03-03 08:30:00","status":"派件","statusCode":"5","areaCode":"CN440106000000","areaName":"广东,广州市,天河区"},
                   {"context":"【从江县公司】已收件","time":"2026-03-01 16:45:00","ftime":"2026-03-01 16:45:00","status":"揽收","statusCode":"1","areaCode":"CN522633000000","areaName":"贵州,黔东南苗族侗族自治州,从江县"}]}}""";
    }

    @Override
    protected List<String> expectedPositions() {
        return List.of("push, waybill 773012345678501");
    }

    @Override
    protected String expectedAcknowledgement() {
        return "{\"result\": true, \"returnCode\": \"200\", \"message\": \"成功\"}";
    }
}
