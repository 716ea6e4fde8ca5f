package dev.subsidy.intake;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.subsidy.model.Carrier;
import dev.subsidy.model.Channel;
import dev.subsidy.model.OrderStatus;
import dev.subsidy.model.PaymentMethod;
import dev.subsidy.model.Platform;
import dev.subsidy.model.RefundStatus;
import dev.subsidy.model.SalesOrder;
import dev.subsidy.model.Scan;
import dev.subsidy.model.Shipment;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Validates standard records (docs/api.md) one by one. A record either becomes a typed
 * {@link ParsedRecord} or a {@link Rejection} naming every problem; nothing is dropped. Every way a
 * standard record arrives (a feed body, a push, a pull, a file, through a mapping or not) ends here,
 * so these are the only rules: exact types, bounded text in one form, times in the window and
 * amounts within {@link RecordLimits}, so that what is accepted is always stored. Stateless and
 * thread-safe.
 */
public final class StandardRecordParser {

    /** The {@code buyer_hash} and {@code receiver_hash} columns: a hash is longer than an id (SHA-256 in hex is 64). */
    static final int MAX_BUYER_HASH = 128;
    /** The {@code fx_rate} column. */
    private static final int MAX_RATE_TEXT = 24;
    /** The names of an enum's constants, found once per enum rather than by a copy of them per record. */
    private static final ClassValue<Set<String>> CONSTANT_NAMES = new ClassValue<>() {
        @Override
        protected Set<String> computeValue(Class<?> type) {
            return Arrays.stream(type.getEnumConstants()).map(e -> ((Enum<?>) e).name())
                    .collect(java.util.stream.Collectors.toUnmodifiableSet());
        }
    };

    private final Map<String, BigDecimal> currencyRates;
    private final RecordLimits limits;

    /** With the default limits. */
    public StandardRecordParser(Map<String, BigDecimal> currencyRates) {
        this(currencyRates, RecordLimits.defaults());
    }

    /**
     * @throws IllegalArgumentException for a rate that is no currency code, not positive, or longer
     *     than its column: the gateway does not start with it
     */
    public StandardRecordParser(Map<String, BigDecimal> currencyRates, RecordLimits limits) {
        Map<String, BigDecimal> rates = new HashMap<>();
        currencyRates.forEach((currency, rate) -> {
            String code = currency.toUpperCase(Locale.ROOT);
            if (!code.matches("[A-Z]{3}")) {
                throw new IllegalArgumentException("gateway.currency-rates." + currency + ": not an ISO 4217 currency code");
            }
            if (rate == null || rate.signum() <= 0 || rate.toPlainString().length() > MAX_RATE_TEXT) {
                throw new IllegalArgumentException("gateway.currency-rates." + currency + ": must be a positive number of "
                        + "CNY per unit written in at most " + MAX_RATE_TEXT + " characters, got " + rate);
            }
            rates.put(code, rate);
        });
        this.currencyRates = Map.copyOf(rates);
        this.limits = limits;
    }

    /** Either the parsed record or the rejection; {@code arrival} stands in for a missing updatedAt. */
    public Object parse(BodyRecord source, Instant arrival) {
        if (source.fields() == null) {
            return new Rejection(source.index(), source.located(source.problem()), source.raw());
        }
        ObjectNode fields = source.fields();
        FieldReader in = new FieldReader(fields, limits, arrival);
        String kind = in.text("kind", true);
        Object result = null;
        if ("shipment".equalsIgnoreCase(kind)) {
            result = shipment(in, arrival);
        } else if ("order".equalsIgnoreCase(kind)) {
            result = order(in, arrival);
        } else if (kind != null) {
            in.problem("kind: unknown value '" + kind + "' (expected shipment or order)");
        }
        if (!in.problems().isEmpty()) {
            // the record's text for the rejection; written out of its fields only here: for a valid record of a JSON
            // array, which has no such text, that was a third of parsing it
            String raw = source.raw() != null ? source.raw() : fields.toString();
            return new Rejection(source.index(), source.located(String.join("; ", in.problems())), raw);
        }
        return result instanceof Shipment s
                ? new ParsedRecord(source.index(), s, null, source.payload())
                : new ParsedRecord(source.index(), null, (SalesOrder) result, source.payload());
    }

    private Shipment shipment(FieldReader in, Instant arrival) {
        Carrier carrier = in.enumValue("carrier", Carrier.class, true);
        String waybillNo = in.identifier("waybillNo", true);
        Instant collectedAt = in.instant("collectedAt", true);
        String originRegion = in.region("originRegion", false);
        String originSite = in.identifier("originSite", false);
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
        String deliverySite = in.identifier("deliverySite", false);
        String orderRef = orderRef(in);
        String shipperId = in.creditCode("shipperId");
        Integer weight = in.nonNegativeInt("weightGrams");
        Integer traces = in.nonNegativeInt("traceEvents");
        List<Scan> scans = ScanReader.read(in, "scans");
        PaymentMethod payment = in.enumValue("paymentMethod", PaymentMethod.class, false);
        String receiverHash = in.identifier("receiverHash", false, MAX_BUYER_HASH);
        Instant updatedAt = in.instant("updatedAt", false);
        return new Shipment(carrier, waybillNo == null ? null : waybillNo.toUpperCase(Locale.ROOT), collectedAt,
                originRegion, originSite, destRegion, destCountry, deliveredAt, deliveredRegion, deliverySite,
                orderRef, shipperId, weight, traces, updatedAt != null ? updatedAt : arrival, scans, payment,
                receiverHash);
    }

    private static String orderRef(FieldReader in) {
        String ref = in.text("orderRef", false);
        return ref == null ? null : reference(in, "orderRef", ref, Platform.class, "PLATFORM:orderId");
    }

    private SalesOrder order(FieldReader in, Instant arrival) {
        Platform platform = in.enumValue("platform", Platform.class, true);
        String orderId = in.identifier("orderId", true);
        String shopId = in.shopIdentifier("shopId", true);
        String merchantId = in.creditCode("merchantId");
        Channel channel = in.enumValue("channel", Channel.class, true);
        OrderStatus status = in.enumValue("status", OrderStatus.class, true);
        Instant paidAt = in.instant("paidAt", status != null && status != OrderStatus.CANCELLED);
        BigDecimal amount = in.money("amount", true);
        BigDecimal refunded = in.money("refundedAmount", false);
        String currency = in.currency("currency");
        currency = currency == null ? "CNY" : currency;
        BigDecimal rate = null;
        if (!"CNY".equals(currency)) {
            rate = currencyRates.get(currency);
            if (rate == null) {
                in.problem("currency: no rate configured for " + currency + " (gateway.currency-rates." + currency + ")");
            }
        }
        Set<String> waybills = new LinkedHashSet<>();
        for (String w : in.list("waybills")) {
            String normalised = reference(in, "waybills", w, Carrier.class, "CARRIER:waybillNo");
            if (normalised != null) {
                waybills.add(normalised);
            }
        }
        List<String> categories = in.tokens("categories");
        Boolean crossBorder = in.bool("crossBorder");
        String destRegion = in.region("destRegion", false);
        String destCountry = in.country("destCountry");
        String buyerHash = in.identifier("buyerHash", false, MAX_BUYER_HASH);
        PaymentMethod payment = in.enumValue("paymentMethod", PaymentMethod.class, false);
        RefundStatus refundStatus = in.enumValue("refundStatus", RefundStatus.class, false);
        String receiverHash = in.identifier("receiverHash", false, MAX_BUYER_HASH);
        Integer parcelCount = in.positiveInt("parcelCount");
        Instant updatedAt = in.instant("updatedAt", false);
        if (amount != null && refunded != null && refunded.compareTo(amount) > 0) {
            in.problem("refundedAmount: " + refunded + " is more than the amount " + amount);
        }
        if (amount != null && rate != null) {
            amount = amount.multiply(rate).setScale(2, RoundingMode.HALF_UP);
            refunded = refunded == null ? null : refunded.multiply(rate).setScale(2, RoundingMode.HALF_UP);
        }
        if (amount != null && amount.compareTo(limits.maxAmount()) > 0) {
            in.problem("amount: " + amount.toPlainString() + " CNY" + (rate == null ? "" : " (converted from " + currency
                    + ")") + " is more than the most one order may be, " + limits.maxAmount().toPlainString()
                    + " CNY (gateway.feeds.max-amount)");
        }
        return new SalesOrder(platform, orderId, shopId, merchantId, channel, status, paidAt, amount,
                refunded == null ? BigDecimal.ZERO.setScale(2) : refunded, currency, rate, List.copyOf(waybills),
                List.copyOf(categories), Boolean.TRUE.equals(crossBorder), destRegion, destCountry, buyerHash,
                updatedAt != null ? updatedAt : arrival, payment, refundStatus, receiverHash, parcelCount);
    }

    /**
     * "PREFIX:id" with a known prefix, in its one form: prefix in upper case, the id checked as an
     * identifier (and in upper case for a waybill, as {@code waybillNo} is); null and a problem when
     * malformed. {@code text} is already in NFKC.
     */
    private static <E extends Enum<E>> String reference(FieldReader in, String field, String text, Class<E> prefixes,
                                                        String shape) {
        int colon = text.indexOf(':');
        String prefix = colon <= 0 ? "" : text.substring(0, colon).strip().toUpperCase(Locale.ROOT);
        String id = colon < 0 ? "" : text.substring(colon + 1).strip();
        boolean known = CONSTANT_NAMES.get(prefixes).contains(prefix);
        if (!known || id.isEmpty()) {
            String quoted = text.length() > 40 ? text.substring(0, 40) + "…" : text;
            in.problem(field + ": '" + quoted + "' is not " + shape + " with a known "
                    + (prefixes == Carrier.class ? "carrier" : "platform"));
            return null;
        }
        id = in.identifier(field, id, in.maxIdLength(), false);
        if (id == null) {
            return null;
        }
        return prefix + ":" + (prefixes == Carrier.class ? id.toUpperCase(Locale.ROOT) : id);
    }
}
