package dev.subsidy.gateway.intake;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.subsidy.gateway.records.Carrier;
import dev.subsidy.gateway.records.Channel;
import dev.subsidy.gateway.records.OrderStatus;
import dev.subsidy.gateway.records.Platform;
import dev.subsidy.gateway.records.SalesOrder;
import dev.subsidy.gateway.records.Shipment;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Validates standard records (gateway-api.md) one by one. A record either becomes a typed
 * {@link ParsedRecord} or a {@link Rejection} naming every problem; nothing is dropped. Stateless
 * and thread-safe.
 */
public final class StandardRecordParser {

    private final Map<String, BigDecimal> currencyRates;

    public StandardRecordParser(Map<String, BigDecimal> currencyRates) {
        this.currencyRates = Map.copyOf(currencyRates);
    }

    /** Either the parsed record or the rejection; {@code arrival} stands in for a missing updatedAt. */
    public Object parse(SourceRecord source, Instant arrival) {
        if (source.fields() == null) {
            return new Rejection(source.index(), source.located(source.problem()), source.raw());
        }
        ObjectNode fields = source.fields();
        FieldReader in = new FieldReader(fields);
        String kind = in.text("kind", true);
        Object result = null;
        if ("shipment".equalsIgnoreCase(kind)) {
            result = shipment(in, arrival);
        } else if ("order".equalsIgnoreCase(kind)) {
            result = order(in, arrival);
        } else if (kind != null) {
            in.problem("kind: unknown value '" + kind + "' (expected shipment or order)");
        }
        String raw = source.raw() != null ? source.raw() : fields.toString();
        if (!in.problems().isEmpty()) {
            return new Rejection(source.index(), source.located(String.join("; ", in.problems())), raw);
        }
        return result instanceof Shipment s
                ? new ParsedRecord(source.index(), s, null)
                : new ParsedRecord(source.index(), null, (SalesOrder) result);
    }

    private Shipment shipment(FieldReader in, Instant arrival) {
        Carrier carrier = in.enumValue("carrier", Carrier.class, true);
        String waybillNo = in.text("waybillNo", true);
        Instant collectedAt = in.instant("collectedAt", true);
        String originRegion = in.region("originRegion", false);
        String originSite = in.text("originSite", false);
        if (!in.has("originRegion") && !in.has("originSite")) {
            in.problem("originRegion or originSite: one of them is required");
        }
        String destRegion = in.region("destRegion", false);
        String destCountry = in.country("destCountry");
        if (!in.has("destRegion") && !in.has("destCountry")) {
            in.problem("destRegion or destCountry: one of them is required");
        }
        Instant deliveredAt = in.instant("deliveredAt", false);
        String deliveredRegion = in.region("deliveredRegion", false);
        String deliverySite = in.text("deliverySite", false);
        String orderRef = orderRef(in);
        String shipperId = in.creditCode("shipperId");
        Integer weight = in.nonNegativeInt("weightGrams");
        Integer traces = in.nonNegativeInt("traceEvents");
        Instant updatedAt = in.instant("updatedAt", false);
        if (waybillNo != null && waybillNo.chars().anyMatch(Character::isWhitespace)) {
            in.problem("waybillNo: '" + waybillNo + "' contains white space");
        }
        return new Shipment(carrier, waybillNo == null ? null : waybillNo.toUpperCase(Locale.ROOT), collectedAt,
                originRegion, originSite, destRegion, destCountry, deliveredAt, deliveredRegion, deliverySite,
                orderRef, shipperId, weight, traces, updatedAt != null ? updatedAt : arrival);
    }

    private static String orderRef(FieldReader in) {
        String ref = in.text("orderRef", false);
        if (ref == null) {
            return null;
        }
        String normalised = reference(ref, Platform.class);
        if (normalised == null) {
            in.problem("orderRef: '" + ref + "' is not PLATFORM:orderId with a known platform");
        }
        return normalised;
    }

    private SalesOrder order(FieldReader in, Instant arrival) {
        Platform platform = in.enumValue("platform", Platform.class, true);
        String orderId = in.text("orderId", true);
        String shopId = in.text("shopId", true);
        String merchantId = in.creditCode("merchantId");
        Channel channel = in.enumValue("channel", Channel.class, true);
        OrderStatus status = in.enumValue("status", OrderStatus.class, true);
        Instant paidAt = in.instant("paidAt", status != null && status != OrderStatus.CANCELLED);
        BigDecimal amount = in.money("amount", true);
        BigDecimal refunded = in.money("refundedAmount", false);
        String currency = in.text("currency", false);
        currency = currency == null ? "CNY" : currency.toUpperCase(Locale.ROOT);
        BigDecimal rate = null;
        if (!"CNY".equals(currency)) {
            rate = currencyRates.get(currency);
            if (rate == null) {
                in.problem("currency: no rate configured for " + currency + " (gateway.currency-rates." + currency + ")");
            }
        }
        List<String> waybills = new ArrayList<>();
        for (String w : in.list("waybills")) {
            String normalised = reference(w, dev.subsidy.gateway.records.Carrier.class);
            if (normalised == null) {
                in.problem("waybills: '" + w + "' is not CARRIER:waybillNo with a known carrier");
            } else {
                waybills.add(normalised);
            }
        }
        List<String> categories = in.tokens("categories");
        Boolean crossBorder = in.bool("crossBorder");
        String destRegion = in.region("destRegion", false);
        String destCountry = in.country("destCountry");
        String buyerHash = in.text("buyerHash", false);
        Instant updatedAt = in.instant("updatedAt", false);
        if (amount != null && refunded != null && refunded.compareTo(amount) > 0) {
            in.problem("refundedAmount: " + refunded + " is more than the amount " + amount);
        }
        if (amount != null && rate != null) {
            amount = amount.multiply(rate).setScale(2, RoundingMode.HALF_UP);
            refunded = refunded == null ? null : refunded.multiply(rate).setScale(2, RoundingMode.HALF_UP);
        }
        return new SalesOrder(platform, orderId, shopId, merchantId, channel, status, paidAt, amount,
                refunded == null ? BigDecimal.ZERO.setScale(2) : refunded, currency, rate, List.copyOf(waybills),
                List.copyOf(categories), Boolean.TRUE.equals(crossBorder), destRegion, destCountry, buyerHash,
                updatedAt != null ? updatedAt : arrival);
    }

    /** "PREFIX:id" with a known prefix, normalised to upper case prefix; null when malformed. */
    private static <E extends Enum<E>> String reference(String text, Class<E> prefixes) {
        int colon = text.indexOf(':');
        if (colon <= 0 || colon == text.length() - 1) {
            return null;
        }
        String prefix = text.substring(0, colon).strip().toUpperCase(Locale.ROOT);
        String id = text.substring(colon + 1).strip();
        try {
            Enum.valueOf(prefixes, prefix);
        } catch (IllegalArgumentException e) {
            return null;
        }
        if (prefixes == Carrier.class) {
            id = id.toUpperCase(Locale.ROOT);
        }
        return prefix + ":" + id;
    }
}
