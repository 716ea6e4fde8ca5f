package dev.subsidy.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SalesOrderTest {

    @Test
    void anOrderWithNothingRefundedNetsItsAmountInFen() {
        assertThat(order(OrderStatus.COMPLETED, "128.50", "0.00", null).netAmount()).isEqualByComparingTo("128.50")
                .hasToString("128.50");
        // an amount a feed gave with no decimals still nets in fen
        assertThat(order(OrderStatus.COMPLETED, "128", "0", null).netAmount()).hasToString("128.00");
        assertThat(order(OrderStatus.PAID, "0.00", "0.00", null).netAmount()).hasToString("0.00");
        assertThat(order(OrderStatus.PAID, "0.00", "0.00", null).counts()).isFalse();
    }

    @Test
    void aRefundIsTakenOffAndNeverMakesTheNetNegative() {
        assertThat(order(OrderStatus.COMPLETED, "128.50", "28.50", RefundStatus.REFUNDED).netAmount()).hasToString("100.00");
        assertThat(order(OrderStatus.REFUNDED, "128.50", "200.00", null).netAmount()).hasToString("0.00");
        assertThat(order(OrderStatus.COMPLETED, "-5.00", "0.00", null).netAmount()).hasToString("0.00");
    }

    @Test
    void aCancelledOrderOrARefundOfUnknownSizeNetsNothing() {
        assertThat(order(OrderStatus.CANCELLED, "128.50", "0.00", null).netAmount()).hasToString("0.00");
        assertThat(order(OrderStatus.REFUNDED, "128.50", "0.00", null).netAmount()).hasToString("0.00");
        assertThat(order(OrderStatus.COMPLETED, "128.50", "0.00", RefundStatus.REFUNDED).netAmount()).hasToString("0.00");
        assertThat(order(OrderStatus.COMPLETED, "128.50", "0.00", RefundStatus.REQUESTED).netAmount())
                .hasToString("128.50");
    }

    private static SalesOrder order(OrderStatus status, String amount, String refunded, RefundStatus refund) {
        return new SalesOrder(Platform.TAOBAO, "1001", "shop-1", null, Channel.B2C, status,
                Instant.parse("2026-10-05T02:00:00Z"), new BigDecimal(amount), new BigDecimal(refunded), "CNY", null,
                List.of(), List.of("AGRICULTURAL"), false, null, null, null, null, null, refund, null, null);
    }
}
