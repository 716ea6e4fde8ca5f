package dev.subsidy.intake;

import dev.subsidy.model.SalesOrder;
import dev.subsidy.model.Shipment;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Where the intake keeps what it read: the gateway's database, behind this port so that reading and
 * checking records needs no JDBC. Every write happens inside {@link #inWriteTransaction}.
 */
public interface IntakeStore {

    /**
     * Runs {@code work} in one database transaction holding the gateway's write lock: everything it
     * stores commits together or not at all.
     */
    <T> T inWriteTransaction(Supplier<T> work);

    /**
     * Stores valid shipments: new, duplicate of the current version, or a further version, by natural
     * key. Each new version keeps the SHA-256 of its raw payload, and the payload itself for the
     * retention time (docs/records.md "Provenance"); a duplicate adds nothing.
     */
    Counts storeArrivedShipments(List<Arrival<Shipment>> records, String connectorId, String batchId,
                                 Instant receivedAt);

    /** As {@link #storeArrivedShipments}, for orders. */
    Counts storeArrivedOrders(List<Arrival<SalesOrder>> records, String connectorId, String batchId,
                              Instant receivedAt);

    /** Shipments whose raw payload is not known: their versions keep no raw hash. */
    default Counts storeShipments(List<Shipment> records, String connectorId, String batchId, Instant receivedAt) {
        return storeArrivedShipments(records.stream().map(Arrival::unknown).toList(), connectorId, batchId, receivedAt);
    }

    /** As {@link #storeShipments}, for orders. */
    default Counts storeOrders(List<SalesOrder> records, String connectorId, String batchId, Instant receivedAt) {
        return storeArrivedOrders(records.stream().map(Arrival::unknown).toList(), connectorId, batchId, receivedAt);
    }

    /** Keeps rejected records with their reasons and raw text. */
    void storeRejections(String connectorId, String batchId, Instant receivedAt, List<Rejection> rejections);

    /** Records one intake batch and its counts. */
    void storeBatch(Batch batch);

    /**
     * A valid record with the raw payload it arrived as, and the hashes the store keeps, all worked out
     * where the record was parsed (the intake's reading thread), so that the thread holding the write
     * transaction only writes.
     *
     * @param key the record's natural key: built once, here, and read by every step of storing it
     * @param raw the raw payload as kept (docs/records.md "Provenance"): the text before any mapping, a NUL
     *     written as {@code \u0000} ({@link RecordText#printable}); null when not known
     * @param rawHash SHA-256 (hex) of {@code raw}; null without it
     * @param hash SHA-256 (hex) of the record's canonical form ({@link CanonicalForm}): the content hash that tells
     *     versions apart
     * @param place where {@code raw} lies in the segment its chunk was packed in ({@link #packed}); null when not
     *     packed (the store packs it) or without a raw payload
     */
    record Arrival<T>(T record, String key, String raw, String rawHash, String hash, RawSegment.Place place) {

        /** A shipment, its natural key, its content hash and its raw payload's worked out now. */
        public static Arrival<Shipment> of(Shipment record, String payload) {
            return of(record, record.naturalKey(), payload, CanonicalForm.hash(record));
        }

        /** An order, its natural key, its content hash and its raw payload's worked out now. */
        public static Arrival<SalesOrder> of(SalesOrder record, String payload) {
            return of(record, record.naturalKey(), payload, CanonicalForm.hash(record));
        }

        private static <T> Arrival<T> of(T record, String key, String payload, String hash) {
            String raw = payload == null ? null : RecordText.printable(payload);
            return new Arrival<>(record, key, raw, raw == null ? null : CanonicalForm.sha256(raw), hash, null);
        }

        /**
         * As {@link #of(Shipment, String)}, with the raw payload's hash left for {@link #packed} to work out from the
         * bytes it packs: the reading thread encodes each payload once. Only ever followed by {@code packed}.
         */
        static Arrival<Shipment> toPack(Shipment record, String payload) {
            return toPack(record, record.naturalKey(), payload, CanonicalForm.hash(record));
        }

        /** As {@link #toPack(Shipment, String)}, for an order. */
        static Arrival<SalesOrder> toPack(SalesOrder record, String payload) {
            return toPack(record, record.naturalKey(), payload, CanonicalForm.hash(record));
        }

        private static <T> Arrival<T> toPack(T record, String key, String payload, String hash) {
            return new Arrival<>(record, key, payload == null ? null : RecordText.printable(payload), null, hash, null);
        }

        /**
         * The same arrivals with their raw payloads packed in one segment ({@link RawSegment}), on the calling thread:
         * the intake's reading thread, which leaves the thread holding the write transaction only the writing. A raw
         * payload's hash not yet worked out ({@link #toPack}) is worked out from the bytes packed.
         */
        public static <T> List<Arrival<T>> packed(List<Arrival<T>> arrivals) {
            List<String> raws = new ArrayList<>(arrivals.size());
            arrivals.forEach(a -> raws.add(a.raw()));
            String[] hashes = new String[arrivals.size()];
            RawSegment.Packed segment = RawSegment.pack(raws, hashes);
            if (segment == null) {
                return arrivals;
            }
            List<Arrival<T>> out = new ArrayList<>(arrivals.size());
            for (int i = 0; i < arrivals.size(); i++) {
                Arrival<T> a = arrivals.get(i);
                out.add(a.raw() == null ? a : new Arrival<>(a.record(), a.key(), a.raw(),
                        a.rawHash() != null ? a.rawHash() : hashes[i], a.hash(),
                        new RawSegment.Place(segment, segment.at()[i], segment.length()[i])));
            }
            return out;
        }

        /**
         * Its canonical form, written when asked: only a record its row's columns cannot give back, or a key's
         * second version, keeps it (docs/records.md "Provenance").
         */
        public String canonical() {
            return record instanceof Shipment s ? CanonicalForm.of(s) : CanonicalForm.of((SalesOrder) record);
        }

        static Arrival<Shipment> unknown(Shipment record) {
            return of(record, null);
        }

        static Arrival<SalesOrder> unknown(SalesOrder record) {
            return of(record, null);
        }
    }

    /** How many records of a chunk were accepted (new or a new version) and how many were duplicates. */
    record Counts(int accepted, int duplicates) {}

    /** One body, post, poll or file as the intake took it. */
    record Batch(String id, String connectorId, Instant receivedAt, String origin, int records, int accepted,
                 int duplicates, int rejected) {}
}
