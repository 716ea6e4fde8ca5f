package dev.subsidy.model;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A standard order record (订单), as validated at intake. Amounts are in CNY (converted at intake
 * when the order was paid in another currency, {@code fxRate} keeping the rate used).
 * Natural key: platform and order id.
 */
public record SalesOrder(
        Platform platform,
        String orderId,
        String shopId,
        String merchantId,
        Channel channel,
        OrderStatus status,
        Instant paidAt,
        BigDecimal amount,
        BigDecimal refundedAmount,
        String currency,
        BigDecimal fxRate,
        List<String> waybills,
        List<String> categories,
        boolean crossBorder,
        String destRegion,
        String destCountry,
        String buyerHash,
        Instant updatedAt,
        PaymentMethod paymentMethod,
        RefundStatus refundStatus,
        String receiverHash,
        Integer parcelCount) {

    /** An order as feeds sent it before payment method, refund status, receiver and parcel count were carried. */
    public SalesOrder(Platform platform, String orderId, String shopId, String merchantId, Channel channel,
                      OrderStatus status, Instant paidAt, BigDecimal amount, BigDecimal refundedAmount, String currency,
                      BigDecimal fxRate, List<String> waybills, List<String> categories, boolean crossBorder,
                      String destRegion, String destCountry, String buyerHash, Instant updatedAt) {
        this(platform, orderId, shopId, merchantId, channel, status, paidAt, amount, refundedAmount, currency, fxRate,
                waybills, categories, crossBorder, destRegion, destCountry, buyerHash, updatedAt, null, null, null, null);
    }

    public String naturalKey() {
        return key(platform, orderId);
    }

    public static String key(Platform platform, String orderId) {
        return platform.name() + ":" + orderId;
    }

    /**
     * 净额: what the order finally earned; nothing for a cancelled order, nor for one the platform calls
     * refunded without saying how much (a refund of unknown size is never paid on as if it were none).
     */
    public BigDecimal netAmount() {
        if (status == OrderStatus.CANCELLED || refundOfUnknownSize()) {
            return BigDecimal.ZERO.setScale(2);
        }
        if (refundedAmount.signum() == 0 && amount.signum() >= 0 && amount.scale() == 2) {
            // most orders: the amount itself, not an equal copy of it held once more by a close's figures
            return amount;
        }
        return amount.subtract(refundedAmount).max(BigDecimal.ZERO).setScale(2);
    }

    /** Refunded by its status or the platform's refund status, with no refunded amount given. */
    public boolean refundOfUnknownSize() {
        boolean refunded = status == OrderStatus.REFUNDED || refundStatus != null && refundStatus.refunded();
        return refunded && refundedAmount.signum() == 0;
    }

    /** An order counts when its net amount is above zero: not cancelled, not refunded in full. */
    public boolean counts() {
        return netAmount().signum() > 0;
    }
}
