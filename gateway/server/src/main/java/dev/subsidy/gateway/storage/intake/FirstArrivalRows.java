package dev.subsidy.gateway.storage.intake;

import static java.sql.Types.BIGINT;
import static java.sql.Types.INTEGER;
import static java.sql.Types.VARCHAR;

import dev.subsidy.intake.IntakeStore.Arrival;
import dev.subsidy.intake.RawSegment;
import dev.subsidy.model.SalesOrder;
import dev.subsidy.model.Shipment;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntSupplier;
import java.util.stream.IntStream;

/**
 * The row a record is written as when its natural key arrives for the first time, in one version: every column
 * of its table, that version inline, its raw payload in the chunk's {@link RawSegment} and the row pointing at it
 * (docs/records.md "Provenance"). It is most of what the intake writes, one row per record; the ingest bench's bulk
 * load writes the same rows and segments through the database's fastest path, the limit the intake is measured
 * against.
 */
public final class FirstArrivalRows<T> {

    /** The columns every record table has, in the order {@link #rows} gives them, before the kind's own. */
    static final String[] COMMON_COLUMNS = {"natural_key", "version", "versions", "updated_at", "content_hash",
        "connector_id", "connectors", "duplicates", "received_at", "batch_id", "body", "raw_hash", "raw",
        "raw_expires_at", "raw_segment", "raw_at", "raw_length"};
    static final int[] COMMON_TYPES = {VARCHAR, INTEGER, INTEGER, BIGINT, VARCHAR, VARCHAR, VARCHAR, INTEGER, BIGINT,
        VARCHAR, VARCHAR, VARCHAR, VARCHAR, BIGINT, INTEGER, INTEGER, INTEGER};

    private final RecordTable<T> table;
    private final String[] columns;
    private final int[] types;

    FirstArrivalRows(RecordTable<T> table) {
        this.table = table;
        this.columns = Arrays.copyOf(COMMON_COLUMNS, COMMON_COLUMNS.length + table.columns().length);
        System.arraycopy(table.columns(), 0, columns, COMMON_COLUMNS.length, table.columns().length);
        this.types = IntStream.concat(IntStream.of(COMMON_TYPES), IntStream.of(table.types())).toArray();
    }

    public static FirstArrivalRows<Shipment> shipments() {
        return new FirstArrivalRows<>(new ShipmentTable());
    }

    public static FirstArrivalRows<SalesOrder> orders() {
        return new FirstArrivalRows<>(new OrderTable());
    }

    public String table() {
        return table.table();
    }

    /** Every column of the table, in the order of {@link #rows}. */
    public String[] columns() {
        return columns.clone();
    }

    /** The {@link java.sql.Types} of {@link #columns}, what a null is bound as. */
    public int[] types() {
        return types.clone();
    }

    /** A segment of raw payloads some row points at: its number within the batch, and its deflated body. */
    public record Segment(int number, byte[] body) {}

    /**
     * A chunk's rows, in the order of the arrivals they were made of, and the segments their raw payloads are in.
     *
     * @param segmentOfRow the number of the segment each row points at, 0 for a row without a raw payload
     */
    public record Chunk(List<Object[]> rows, int[] segmentOfRow, List<Segment> segments) {

        /** The segments a row that went in points at: those to write, in the transaction that wrote the rows. */
        public List<Segment> pointedAtBy(boolean[] wentIn) {
            Set<Integer> numbers = new HashSet<>();
            for (int i = 0; i < wentIn.length; i++) {
                if (wentIn[i] && segmentOfRow[i] != 0) {
                    numbers.add(segmentOfRow[i]);
                }
            }
            return segments.stream().filter(g -> numbers.contains(g.number())).toList();
        }
    }

    /**
     * The rows of {@code arrivals}, received at {@code receivedAt} in {@code batchId} from {@code connectorId}. Each
     * points at its raw payload where the reading thread packed it ({@link Arrival#packed}); payloads not packed
     * there are packed here, in one more segment. Segments are numbered within the batch by {@code numbers}.
     */
    public Chunk rows(List<Arrival<T>> arrivals, String connectorId, String batchId, long receivedAt,
                      IntSupplier numbers) {
        RawSegment.Place[] places = places(arrivals);
        Map<RawSegment.Packed, Integer> numbered = new IdentityHashMap<>();
        List<Segment> segments = new ArrayList<>(1);
        int[] segmentOfRow = new int[arrivals.size()];
        List<Object[]> rows = new ArrayList<>(arrivals.size());
        for (int i = 0; i < arrivals.size(); i++) {
            Arrival<T> a = arrivals.get(i);
            RawSegment.Place place = places[i];
            if (place != null) {
                segmentOfRow[i] = numbered.computeIfAbsent(place.segment(), packed -> {
                    Segment segment = new Segment(numbers.getAsInt(), packed.body());
                    segments.add(segment);
                    return segment.number();
                });
            }
            Object[] common = {a.key(), 1, 1, table.updatedAt(a.record()).toEpochMilli(),
                a.hash(), connectorId, connectorId, 0, receivedAt, batchId, table.inlineBody(a.record(), a::canonical),
                a.rawHash(), null, null, place == null ? null : segmentOfRow[i], place == null ? null : place.at(),
                place == null ? null : place.length()};
            Object[] row = Arrays.copyOf(common, columns.length);
            Object[] own = table.values(a.record());
            System.arraycopy(own, 0, row, common.length, own.length);
            rows.add(row);
        }
        return new Chunk(rows, segmentOfRow, segments);
    }

    /** Each arrival's place, those the reading thread did not pack packed now. */
    private static <T> RawSegment.Place[] places(List<Arrival<T>> arrivals) {
        RawSegment.Place[] places = new RawSegment.Place[arrivals.size()];
        boolean unpackedAny = false;
        for (int i = 0; i < places.length; i++) {
            places[i] = arrivals.get(i).place();
            unpackedAny |= places[i] == null && arrivals.get(i).raw() != null;
        }
        if (!unpackedAny) {
            // the intake's own arrivals: every payload packed on the reading thread
            return places;
        }
        List<String> unpacked = new ArrayList<>(places.length);
        for (int i = 0; i < places.length; i++) {
            unpacked.add(places[i] == null ? arrivals.get(i).raw() : null);
        }
        RawSegment.Packed packed = RawSegment.pack(unpacked);
        for (int i = 0; packed != null && i < places.length; i++) {
            if (packed.at()[i] >= 0) {
                places[i] = new RawSegment.Place(packed, packed.at()[i], packed.length()[i]);
            }
        }
        return places;
    }
}
