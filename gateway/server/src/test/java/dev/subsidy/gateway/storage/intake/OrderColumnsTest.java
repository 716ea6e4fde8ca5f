package dev.subsidy.gateway.storage.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.subsidy.intake.BodyRecord;
import dev.subsidy.intake.ParsedRecord;
import dev.subsidy.intake.RecordLimits;
import dev.subsidy.intake.Rejection;
import dev.subsidy.intake.StandardRecordParser;
import dev.subsidy.model.SalesOrder;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every amount the intake accepts fits the order table's fen columns: nothing reaches the writer in a
 * shape it cannot store.
 */
class OrderColumnsTest {

    private final ObjectMapper json = JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();
    private final Instant now = Instant.parse("2026-12-03T10:00:00Z");

    private static final String ORDER = """
        {"kind": "order", "platform": "TAOBAO", "orderId": "4012345678901234567", "shopId": "tb-58820471",
         "channel": "B2C", "status": "PAID", "paidAt": "2026-10-03T10:00:00+08:00", "amount": "59.90"}""";

    private ObjectNode order() throws Exception {
        return (ObjectNode) json.readTree(ORDER);
    }

    private ParsedRecord accepted(ObjectNode fields) {
        Object result = new StandardRecordParser(Map.of(), RecordLimits.defaults())
                .parse(BodyRecord.of(0, fields, fields.toString()), now);
        assertThat(result).as("%s", result).isInstanceOf(ParsedRecord.class);
        return (ParsedRecord) result;
    }

    @Test
    void everyAmountTheParserAcceptsFitsTheFenColumn() throws Exception {
        OrderTable table = new OrderTable();
        for (String amount : new String[] {"0", "0.01", "999999999.99", "1000000000", "1000000000.00"}) {
            SalesOrder order = accepted(order().put("amount", amount).put("refundedAmount", amount)).order();
            assertThatCode(() -> table.values(order)).as(amount).doesNotThrowAnyException();
        }
        RecordLimits highest = new RecordLimits(RecordLimits.HIGHEST_MAX_AMOUNT, OffsetDateTime.parse("2000-01-01T00:00:00+08:00"),
                Duration.ofMinutes(15), 64);
        StandardRecordParser generous = new StandardRecordParser(Map.of("USD", new BigDecimal("7.1")), highest);
        for (String amount : new String[] {"90000000000000000", "90000000000000000.00", "12676506002282294.01"}) {
            for (String currency : new String[] {"CNY", "USD"}) {
                Object result = generous.parse(BodyRecord.of(0, order().put("amount", amount).put("currency", currency),
                        null), now);
                if (result instanceof ParsedRecord p) {
                    assertThatCode(() -> table.values(p.order())).as(amount + " " + currency).doesNotThrowAnyException();
                } else {
                    assertThat(((Rejection) result).reason()).contains("gateway.feeds.max-amount");
                }
            }
        }
    }
}
