package dev.subsidy.connector.partners.markets;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The simulators' own signature check reproduces the platforms' published vectors (partners.md), so a
 * simulator refusing a request is the platform refusing it, not one implementation disagreeing with
 * another.
 */
class SignaturesTest {

    @Test
    void pinduoduosPublishedExample() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("access_token", "asd78172s8ds9a921j9qqwda12312w1w21211");
        p.put("client_id", "1");
        p.put("data_type", "XML");
        p.put("type", "pdd.order.number.list.get");
        p.put("timestamp", "1480411125");
        p.put("order_status", "1");
        p.put("page", "1");
        p.put("page_size", "10");

        assertThat(Signatures.md5Wrapped("testSecret", Signatures.sortedNameValues(p))).isEqualTo("E4DE3ED21002510DED352819E7AE6775");
    }

    @Test
    void jdJosPublishedExample() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("method", "jingdong.pop.order.search");
        p.put("app_key", "yourappkey");
        p.put("access_token", "yourtoken");
        p.put("timestamp", "2021-05-07 09:20:39.683+0800");
        p.put("v", "2.0");
        p.put("360buy_param_json", "{\"end_date\":null,\"optional_fields\":null,\"order_state\":\"WAIT_SELLER_STOCK_OUT\","
                + "\"page\":\"1\",\"page_size\":\"200\",\"start_date\":null}");

        assertThat(Signatures.md5Wrapped("yourappSecret", Signatures.sortedNameValues(p))).isEqualTo("D70825340F4084360B9362B60DFD7930");
    }

    @Test
    void theSignAndEmptyValuesTakeNoPartInTheSignedText() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("b", "2");
        p.put("sign", "ABC");
        p.put("a", "1");
        p.put("c", "");

        assertThat(Signatures.sortedNameValues(p)).isEqualTo("a1b2");
    }
}
