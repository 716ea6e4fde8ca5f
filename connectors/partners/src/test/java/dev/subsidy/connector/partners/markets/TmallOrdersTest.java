package dev.subsidy.connector.partners.markets;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/**
 * {@code config/connectors/examples/tmall-orders.yml}: the same TOP API, signed with HMAC-MD5, and the
 * same trades becoming TMALL orders of a B2C shop.
 */
class TmallOrdersTest extends TaobaoOrdersTest {

    @Override
    protected String definitionFile() {
        return "tmall-orders.yml";
    }

    @Override
    protected Map<String, String> environment() {
        return Map.of("TMALL_APP_SECRET", "tm-secret-2f9a4c17", "TMALL_SESSION", "tm-session-80ab3e");
    }

    @Override
    protected String[] secretNames() {
        return new String[] {"TMALL_APP_SECRET", "TMALL_SESSION"};
    }

    /** Taobao's expected orders, as a Tmall shop's: the mapping parameters decide platform and channel. */
    @Override
    protected ArrayNode expectedOrders() {
        ArrayNode orders = super.expectedOrders();
        orders.forEach(o -> ((ObjectNode) o).put("platform", "TMALL").put("channel", "B2C"));
        return orders;
    }
}
