package dev.subsidy.gateway.demo;

import dev.subsidy.simulators.markets.DouyinSimulator;
import dev.subsidy.simulators.markets.TopSimulator;
import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * The demo's four partner connectors, as an administrator would post them to
 * {@code POST /api/v1/connectors}: configuration only, copied from config/connectors/examples/ with
 * the demo's shop, the simulators' loopback URLs (127.0.0.1 is in the demo profile's
 * {@code gateway.connectors.allowed-hosts}) and secrets as {@code ${env:NAME}} references that
 * {@link DemoEnvironment} answers. The marketplaces' windows start on 1 October and are a day long
 * (TOP's longest), so the month is read in a few dozen calls; pages of 20 make the backward paging
 * show within one shop's day.
 */
final class PartnerConnectors {

    static final String ZTO = "zto-trace-push";
    static final String JT = "jt-congjiang-branch";
    static final String TAOBAO = "taobao-yueliangshan";
    static final String DOUYIN = "douyin-yueliangshan";
    static final String WINDOW_START = "2026-10-01T00:00:00+08:00";
    /** The 淘宝 app's public key, as in examples/taobao-orders.yml. */
    static final String TAOBAO_APP_KEY = "12345678";
    /** The 抖店 app's public key, as in examples/douyin-orders.yml. */
    static final String DOUYIN_APP_KEY = "7012345678901234567";
    /** How far behind now a window ends, as in the examples: no trade enters a window while it is read. */
    static final Duration WINDOW_DELAY = Duration.ofMinutes(2);

    private PartnerConnectors() {}

    /** In the order they are added. */
    static List<String> definitions(URI taobao, URI douyin) {
        return List.of(zto(), jt(), taobao(taobao), douyin(douyin));
    }

    /** As examples/zto-trace-push.yml: ZTO posts signed trace pushes, checked with the app secret. */
    static String zto() {
        return """
                id: %s
                type: trace-push
                mapping: zto-trace-push
                feederTokenEnv: %s
                settings:
                  carrier: zto
                  verify_secret: ${env:%s}
                """.formatted(ZTO, DemoRun.ZTO_FEEDER_TOKEN, DemoRun.ZTO_APP_SECRET);
    }

    /**
     * As examples/branch-csv-export.yml, for the J&amp;T branch: its export has a title line above the
     * headers and no 快递公司 column. The demo renames a complete file into the inbox, so a short
     * quiet period is safe and keeps the demo quick.
     */
    static String jt() {
        return """
                id: %s
                type: file
                mapping: standard-csv
                mappingParams:
                  carrier: 极兔
                settings:
                  format: csv
                  encoding: auto
                  header_row: 2
                  quiet_period: 1s
                """.formatted(JT);
    }

    /** As examples/taobao-orders.yml, for 月亮山茶业's shop (B2C: a company). */
    static String taobao(URI baseUrl) {
        return """
                id: %s
                type: http-pull
                mapping: taobao-trades
                mappingParams:
                  platform: TAOBAO
                  channel: B2C
                schedule: 5m
                settings:
                  base_url: %s
                  path: %s
                  method: POST
                  params_in: form
                  params: method=%s, app_key=%s, v=2.0, format=json, fields=tid,tid_str,status,payment,pay_time,created,modified,seller_nick,buyer_open_uid,orders
                  auth: signer
                  signer: taobao-md5
                  signer_secret: ${env:%s}
                  auth_token: ${env:%s}
                  auth_token_name: session
                  signer_timestamp_param: timestamp
                  signer_timestamp_format: china_local
                  pagination: page_number
                  page_param: page_no
                  page_size_param: page_size
                  page_size: 20
                  page_order: backward
                  total_path: /trades_sold_increment_get_response/total_results
                  records_path: /trades_sold_increment_get_response/trades/trade
                  window_start_param: start_modified
                  window_end_param: end_modified
                  window_time_format: china_local
                  window_start_at: "%s"
                  window_max: 1d
                  window_lookback: 5m
                  window_delay: %dm
                  error_code_path: /error_response/code
                  error_message_path: /error_response/sub_msg, /error_response/msg
                  rate_limited_codes: 7
                  unauthorized_codes: 25, 26, 27, 53
                  rate_limit: 20
                """.formatted(TAOBAO, baseUrl, TopSimulator.PATH, TopSimulator.METHOD,
                TAOBAO_APP_KEY, DemoRun.TAOBAO_APP_SECRET, DemoRun.TAOBAO_SESSION, WINDOW_START,
                WINDOW_DELAY.toMinutes());
    }

    /** As examples/douyin-orders.yml, for 月亮山茶业's 抖店 shop. */
    static String douyin(URI baseUrl) {
        return """
                id: %s
                type: http-pull
                mapping: douyin-orders
                mappingParams:
                  channel: B2C
                schedule: 5m
                settings:
                  base_url: %s
                  path: %s
                  params: method=%s, app_key=%s, v=2
                  json_param: param_json
                  json_param_base: '{"order_by": "update_time", "order_asc": true}'
                  auth: signer
                  signer: douyin-md5
                  signer_secret: ${env:%s}
                  auth_token: ${env:%s}
                  auth_token_name: access_token
                  signer_timestamp_param: timestamp
                  signer_timestamp_format: unix_seconds
                  pagination: page_number
                  page_param: page
                  page_start: 0
                  page_size_param: size
                  page_size: 20
                  page_order: backward
                  total_path: /data/total
                  records_path: /data/shop_order_list
                  window_start_param: update_time_start
                  window_end_param: update_time_end
                  window_time_format: unix_seconds
                  window_start_at: "%s"
                  window_max: 1d
                  window_lookback: 5m
                  window_delay: %dm
                  error_code_path: /code
                  error_message_path: /sub_msg, /msg
                  success_codes: 10000
                  rate_limited_codes: 90000
                  unauthorized_codes: 30001, 30002
                  rate_limit: 20
                """.formatted(DOUYIN, baseUrl, DouyinSimulator.PATH, DouyinSimulator.METHOD,
                DOUYIN_APP_KEY, DemoRun.DOUYIN_APP_SECRET, DemoRun.DOUYIN_ACCESS_TOKEN, WINDOW_START,
                WINDOW_DELAY.toMinutes());
    }
}
