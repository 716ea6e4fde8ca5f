package dev.subsidy.intake;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.subsidy.model.SalesOrder;
import dev.subsidy.model.Scan;
import dev.subsidy.model.Shipment;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;

/**
 * The one text form of a record's content: fixed field order, ISO instants in UTC, no nulls, and
 * no {@code updatedAt} (a resend with a new timestamp but the same facts is a duplicate, not a new
 * version). Its SHA-256 is the content hash that tells duplicates from new versions.
 *
 * <p>Fields added to the standard record later (scans, payment method, refund status, receiver hash,
 * parcel count) come after the first ones and only when present, so a record sent without them keeps
 * the form and hash it always had (docs/records.md).
 */
public final class CanonicalForm {

    private static final ObjectWriter WRITER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .serializationInclusion(JsonInclude.Include.NON_EMPTY)
            // only the byte output of hash() reads it: a character beyond the BMP as the four UTF-8 bytes its text
            // gives, not as two escaped surrogates, so that both outputs hash alike
            .enable(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8)
            .build()
            .writer();

    private CanonicalForm() {}

    public static String of(Shipment s) {
        CanonicalWriter w = WRITERS.get();
        return w.shipment(s) ? new String(w.bytes(), 0, w.length(), StandardCharsets.UTF_8) : write(withoutUpdate(s));
    }

    public static String of(SalesOrder o) {
        CanonicalWriter w = WRITERS.get();
        return w.order(o) ? new String(w.bytes(), 0, w.length(), StandardCharsets.UTF_8) : write(withoutUpdate(o));
    }

    /**
     * {@code sha256(of(s))}, the content hash, written as UTF-8 straight into the digest: most records are stored
     * without their canonical text (their columns give it back), and the text was built only to be hashed
     * (docs/operations.md "Database").
     */
    public static String hash(Shipment s) {
        CanonicalWriter w = WRITERS.get();
        return w.shipment(s) ? digest(w) : digest(withoutUpdate(s));
    }

    /** {@code sha256(of(o))}, as {@link #hash(Shipment)}. */
    public static String hash(SalesOrder o) {
        CanonicalWriter w = WRITERS.get();
        return w.order(o) ? digest(w) : digest(withoutUpdate(o));
    }

    /**
     * The form written by hand, which is most records ({@link CanonicalWriter}); Jackson writes the rest, whose texts
     * need escaping.
     */
    private static final ThreadLocal<CanonicalWriter> WRITERS = ThreadLocal.withInitial(CanonicalWriter::new);

    private static String digest(CanonicalWriter written) {
        MessageDigest sha = SHA_256.get();
        sha.update(written.bytes(), 0, written.length());
        return hex(sha.digest());
    }

    /** The form as Jackson writes it, for every record: what {@code CanonicalWriterTest} holds the hand's to. */
    static String byJackson(Shipment s) {
        return write(withoutUpdate(s));
    }

    /** As {@link #byJackson(Shipment)}, for an order. */
    static String byJackson(SalesOrder o) {
        return write(withoutUpdate(o));
    }

    /** SHA-256 of the form as Jackson writes it into the digest, as the intake did before the writer by hand. */
    static String hashByJackson(Shipment s) {
        return digest(withoutUpdate(s));
    }

    /** As {@link #hashByJackson(Shipment)}, for an order. */
    static String hashByJackson(SalesOrder o) {
        return digest(withoutUpdate(o));
    }

    private static Shipment withoutUpdate(Shipment s) {
        return new Shipment(s.carrier(), s.waybillNo(), s.collectedAt(), s.originRegion(), s.originSite(),
                s.destRegion(), s.destCountry(), s.deliveredAt(), s.deliveredRegion(), s.deliverySite(),
                s.orderRef(), s.shipperId(), s.weightGrams(), s.traceEvents(), null, s.scans(), s.paymentMethod(),
                s.receiverHash());
    }

    private static SalesOrder withoutUpdate(SalesOrder o) {
        return new SalesOrder(o.platform(), o.orderId(), o.shopId(), o.merchantId(), o.channel(), o.status(),
                o.paidAt(), o.amount(), o.refundedAmount(), o.currency(), o.fxRate(), o.waybills(), o.categories(),
                o.crossBorder(), o.destRegion(), o.destCountry(), o.buyerHash(), null, o.paymentMethod(),
                o.refundStatus(), o.receiverHash(), o.parcelCount());
    }

    /** A shipment's scans as stored beside its columns: the same JSON as in its canonical form; null for none. */
    public static String scans(List<Scan> scans) {
        return scans == null || scans.isEmpty() ? null : write(scans);
    }

    /** Reads {@link #scans(List)} back; an empty list for null. */
    public static List<Scan> readScans(String text) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        try {
            return List.of(READER.readValue(text, Scan[].class));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored scans are not readable: " + e.getOriginalMessage(), e);
        }
    }

    public static String sha256(String text) {
        return sha256(text.getBytes(StandardCharsets.UTF_8));
    }

    /** SHA-256 (hex) of {@code bytes}: of a text already encoded as UTF-8, {@link #sha256(String)} of it. */
    static String sha256(byte[] bytes) {
        // digest() leaves the digest reset for the next text
        return hex(SHA_256.get().digest(bytes));
    }

    private static final byte[] DIGITS = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    /**
     * A digest in lower-case hex, as {@code HexFormat.of().formatHex} writes it, from a table into the string's own
     * bytes: the reading thread writes two for every record, and {@code HexFormat} was 4 % of its samples.
     */
    static String hex(byte[] digest) {
        byte[] out = new byte[digest.length * 2];
        for (int i = 0; i < digest.length; i++) {
            out[2 * i] = DIGITS[(digest[i] >> 4) & 0xF];
            out[2 * i + 1] = DIGITS[digest[i] & 0xF];
        }
        return new String(out, StandardCharsets.ISO_8859_1);
    }

    /**
     * One digest per thread rather than one per call: looking the algorithm up among the providers was a sixth
     * of the hash's time on the intake's reading thread, which hashes every record twice (content and raw).
     */
    private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    });

    /** Reads a canonical body back (for the records API and verification). */
    public static <T> T read(String body, Class<T> type, ObjectMapper ignored) {
        try {
            return READER.readValue(body, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored record body is not readable: " + e.getOriginalMessage(), e);
        }
    }

    private static final ObjectMapper READER = JsonMapper.builder().addModule(new JavaTimeModule()).build();

    private static String digest(Object record) {
        MessageDigest sha = SHA_256.get();
        try {
            WRITER.writeValue(new DigestOutputStream(OutputStream.nullOutputStream(), sha), record);
        } catch (IOException e) {
            sha.reset();
            throw new IllegalStateException("cannot write a record's canonical form", e);
        }
        return hex(sha.digest());
    }

    private static String write(Object record) {
        try {
            return WRITER.writeValueAsString(record);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a record's canonical form", e);
        }
    }
}
