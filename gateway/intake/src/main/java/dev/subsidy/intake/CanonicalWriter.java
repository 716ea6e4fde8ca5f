package dev.subsidy.intake;

import dev.subsidy.model.SalesOrder;
import dev.subsidy.model.Scan;
import dev.subsidy.model.Shipment;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * Writes a record's canonical form ({@link CanonicalForm}) as UTF-8 into a buffer of its own, byte for byte what the
 * Jackson writer there writes: the record's fields in their declared order, {@code updatedAt} left out, a null, an
 * empty text or an empty list left out, enums by name, instants as ISO-8601 in UTC, decimals as
 * {@link java.math.BigDecimal#toString()}. The intake works out this form for every record it reads, only to hash it; through
 * Jackson that was a tenth of the reading thread's time, its serializers called through sites that any other use of
 * Jackson in the gateway (a receipt, a health reply) made the JIT compile again (docs/operations.md "Database").
 *
 * <p>A text that JSON must escape — a quote, a backslash, a control character — or that holds a surrogate is left
 * to Jackson: {@link #shipment} and {@link #order} then answer false, and the caller writes the record the way it
 * always did. {@code CanonicalWriterTest} holds the two writers to the same bytes. One writer per thread: it keeps
 * its buffer.
 */
final class CanonicalWriter {

    private byte[] buffer = new byte[512];
    private int at;
    private boolean fieldBefore;

    /** The bytes written by the last call that answered true, from 0 to {@link #length()}. */
    byte[] bytes() {
        return buffer;
    }

    int length() {
        return at;
    }

    /** Writes the shipment's canonical form; false when one of its texts is left to Jackson. */
    boolean shipment(Shipment s) {
        start();
        boolean written = enumeration("carrier", s.carrier())
                && text("waybillNo", s.waybillNo())
                && instant("collectedAt", s.collectedAt())
                && text("originRegion", s.originRegion())
                && text("originSite", s.originSite())
                && text("destRegion", s.destRegion())
                && text("destCountry", s.destCountry())
                && instant("deliveredAt", s.deliveredAt())
                && text("deliveredRegion", s.deliveredRegion())
                && text("deliverySite", s.deliverySite())
                && text("orderRef", s.orderRef())
                && text("shipperId", s.shipperId())
                && number("weightGrams", s.weightGrams())
                && number("traceEvents", s.traceEvents())
                && scans(s.scans())
                && enumeration("paymentMethod", s.paymentMethod())
                && text("receiverHash", s.receiverHash());
        return written && end();
    }

    /** Writes the order's canonical form; false when one of its texts is left to Jackson. */
    boolean order(SalesOrder o) {
        start();
        boolean written = enumeration("platform", o.platform())
                && text("orderId", o.orderId())
                && text("shopId", o.shopId())
                && text("merchantId", o.merchantId())
                && enumeration("channel", o.channel())
                && enumeration("status", o.status())
                && instant("paidAt", o.paidAt())
                && number("amount", o.amount())
                && number("refundedAmount", o.refundedAmount())
                && text("currency", o.currency())
                && number("fxRate", o.fxRate())
                && texts("waybills", o.waybills())
                && texts("categories", o.categories())
                && bool("crossBorder", o.crossBorder())
                && text("destRegion", o.destRegion())
                && text("destCountry", o.destCountry())
                && text("buyerHash", o.buyerHash())
                && enumeration("paymentMethod", o.paymentMethod())
                && enumeration("refundStatus", o.refundStatus())
                && text("receiverHash", o.receiverHash())
                && number("parcelCount", o.parcelCount());
        return written && end();
    }

    private boolean scans(List<Scan> scans) {
        if (scans == null || scans.isEmpty()) {
            return true;
        }
        name("scans");
        ascii('[');
        for (int i = 0; i < scans.size(); i++) {
            if (i > 0) {
                ascii(',');
            }
            Scan scan = scans.get(i);
            if (scan == null) {
                ascii("null");
                continue;
            }
            ascii('{');
            fieldBefore = false;
            if (!(enumeration("type", scan.type()) && instant("at", scan.at()) && text("region", scan.region())
                    && text("facility", scan.facility()))) {
                return false;
            }
            ascii('}');
        }
        ascii(']');
        fieldBefore = true;
        return true;
    }

    private boolean texts(String field, List<String> values) {
        if (values == null || values.isEmpty()) {
            return true;
        }
        name(field);
        ascii('[');
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                ascii(',');
            }
            String value = values.get(i);
            if (value == null) {
                ascii("null");
            } else if (!quoted(value)) {
                return false;
            }
        }
        ascii(']');
        return true;
    }

    private boolean text(String field, String value) {
        if (value == null || value.isEmpty()) {
            return true;
        }
        name(field);
        return quoted(value);
    }

    private boolean enumeration(String field, Enum<?> value) {
        if (value != null) {
            name(field);
            quotedAscii(value.name());
        }
        return true;
    }

    private boolean instant(String field, Instant value) {
        if (value != null) {
            name(field);
            quotedAscii(value.toString());
        }
        return true;
    }

    /** An {@code Integer} or a {@code BigDecimal}: its {@code toString()}, digits, a sign, a point, an exponent. */
    private boolean number(String field, Number value) {
        if (value != null) {
            name(field);
            ascii(value.toString());
        }
        return true;
    }

    private boolean bool(String field, boolean value) {
        name(field);
        ascii(value ? "true" : "false");
        return true;
    }

    private void start() {
        at = 0;
        fieldBefore = false;
        ascii('{');
    }

    private boolean end() {
        ascii('}');
        return true;
    }

    private void name(String field) {
        if (fieldBefore) {
            ascii(',');
        }
        fieldBefore = true;
        quotedAscii(field);
        ascii(':');
    }

    /** A text known to be plain ASCII that needs no escape: a field's name, an enum's, an instant's. */
    private void quotedAscii(String value) {
        room(value.length() + 2);
        buffer[at++] = '"';
        for (int i = 0; i < value.length(); i++) {
            buffer[at++] = (byte) value.charAt(i);
        }
        buffer[at++] = '"';
    }

    /** A text as UTF-8 between quotes; false, nothing to be kept, when it holds what JSON escapes or a surrogate. */
    private boolean quoted(String value) {
        room(value.length() * 3 + 2);
        buffer[at++] = '"';
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x80) {
                if (c < 0x20 || c == '"' || c == '\\') {
                    return false;
                }
                buffer[at++] = (byte) c;
            } else if (c < 0x800) {
                buffer[at++] = (byte) (0xC0 | c >> 6);
                buffer[at++] = (byte) (0x80 | c & 0x3F);
            } else if (Character.isSurrogate(c)) {
                return false;
            } else {
                buffer[at++] = (byte) (0xE0 | c >> 12);
                buffer[at++] = (byte) (0x80 | c >> 6 & 0x3F);
                buffer[at++] = (byte) (0x80 | c & 0x3F);
            }
        }
        buffer[at++] = '"';
        return true;
    }

    private void ascii(String value) {
        room(value.length());
        for (int i = 0; i < value.length(); i++) {
            buffer[at++] = (byte) value.charAt(i);
        }
    }

    private void ascii(char c) {
        room(1);
        buffer[at++] = (byte) c;
    }

    private void room(int bytes) {
        if (at + bytes > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, at + bytes));
        }
    }
}
