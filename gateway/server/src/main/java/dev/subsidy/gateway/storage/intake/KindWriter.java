package dev.subsidy.gateway.storage.intake;

import static java.sql.Types.BIGINT;
import static java.sql.Types.INTEGER;
import static java.sql.Types.VARCHAR;

import dev.subsidy.gateway.storage.Dialect;
import dev.subsidy.gateway.storage.RowWriter;
import dev.subsidy.gateway.storage.Sql;
import dev.subsidy.gateway.storage.records.RawSegments;
import dev.subsidy.gateway.storage.records.RecordColumns;
import dev.subsidy.intake.IntakeStore.Arrival;
import dev.subsidy.intake.IntakeStore.Counts;
import dev.subsidy.model.RecordKind;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;

/**
 * Writes one kind of record, a chunk at a time, deciding for each natural key whether the record
 * is new, a duplicate (same content as the current version) or a further version (different
 * content; the newest {@code updatedAt} becomes current, an older one is kept in the history
 * only). A handful of statements per chunk, whatever its size: the chunk's new keys are inserted
 * first ({@link RowWriter#insertAbsent}: on SQLite an insert that skips a taken key, on PostgreSQL a COPY
 * that falls back to reading the keys when one was taken) and only the keys the table had are read.
 *
 * <p>One row per record on the hot path (V13): a key seen in one version keeps it inline — canonical
 * body, batch, raw payload and its hash — in its own row; the body empty when the row's columns give the
 * canonical form back ({@link RecordColumns}), which keeps most rows to their columns. Only when a second
 * version arrives do the versions go to {@code record_version} and their payloads to {@code raw_payload}
 * (the inline one moving out of the row), so that the first arrival of a record, by far the commonest write, is a
 * single INSERT. A duplicate keeps nothing but its count.
 */
final class KindWriter<T> {


    private static final String[] VERSION_COLUMNS = {"kind", "natural_key", "version", "updated_at",
        "content_hash", "connector_id", "batch_id", "received_at", "body", "raw_hash"};
    private static final int[] VERSION_TYPES = {VARCHAR, VARCHAR, INTEGER, BIGINT, VARCHAR, VARCHAR, VARCHAR,
        BIGINT, VARCHAR, VARCHAR};

    private final JdbcTemplate jdbc;
    private final RowWriter rows;
    private final RawPayloadWriter raws;
    private final RecordKind kind;
    private final Dialect dialect;
    private final RecordTable<T> table;
    private final FirstArrivalRows<T> firstArrivals;
    private final String[] insertColumns;
    private final int[] insertTypes;
    private final String updateSql;

    KindWriter(JdbcTemplate jdbc, Dialect dialect, RowWriter rows, RawPayloadWriter raws, RecordKind kind,
               RecordTable<T> table) {
        this.jdbc = jdbc;
        this.dialect = dialect;
        this.rows = rows;
        this.raws = raws;
        this.kind = kind;
        this.table = table;
        this.firstArrivals = new FirstArrivalRows<>(table);
        this.insertColumns = firstArrivals.columns();
        this.insertTypes = firstArrivals.types();
        String sets = Arrays.stream(table.columns()).map(c -> c + " = ?").collect(Collectors.joining(", "));
        // a stored key whose content changes has two versions at least: none of them is inline any more
        this.updateSql = "UPDATE " + table.table() + " SET version = ?, versions = ?, updated_at = ?, "
                + "content_hash = ?, connector_id = ?, connectors = ?, duplicates = ?, received_at = ?, "
                + "batch_id = ?, raw_hash = ?, body = NULL, raw = NULL, raw_expires_at = NULL, "
                + "raw_segment = NULL, raw_at = NULL, raw_length = NULL, " + sets + " WHERE natural_key = ?";
    }

    /** The outcome counts for the chunk. */
    Counts write(List<Arrival<T>> arrivals, String connectorId, String batchId, Instant receivedAt) {
        if (arrivals.isEmpty()) {
            return new Counts(0, 0);
        }
        ClosedPeriods<T> closed = new ClosedPeriods<>(table, jdbc);
        Inserted<T> first = insertNewKeys(arrivals, connectorId, batchId, receivedAt, closed);
        int accepted = first.count;
        arrivals = first.rest;
        if (arrivals.isEmpty()) {
            closed.markReceived(kind);
            return new Counts(accepted, 0);
        }
        Map<String, KeyState<T>> states = load(arrivals.stream().map(Arrival::record).toList());
        int duplicates = 0;
        for (Arrival<T> arrival : arrivals) {
            T record = arrival.record();
            String key = arrival.key();
            String hash = arrival.hash();
            KeyState<T> state = states.computeIfAbsent(key, k -> KeyState.fresh());
            if (state.hashes.contains(hash)) {
                state.duplicates++;
                state.connectors.add(connectorId);
                state.counterChanged = true;
                duplicates++;
                continue;
            }
            accepted++;
            state.hashes.add(hash);
            state.versions++;
            state.connectors.add(connectorId);
            Version<T> version = new Version<>(key, state.versions, record, hash, arrival::canonical,
                    arrival.rawHash(), arrival.raw());
            state.arrived.add(version);
            Instant updatedAt = table.updatedAt(record);
            // ties go to the later arrival: the feed that sent it last knows best
            if (state.current == null && state.updatedAt == null || !updatedAt.isBefore(state.updatedAt)) {
                state.current = version;
                state.version = state.versions;
                state.updatedAt = updatedAt;
                state.hash = hash;
                state.connectorId = connectorId;
                state.contentChanged = true;
            } else {
                state.counterChanged = true;
            }
        }
        flush(states, connectorId, batchId, receivedAt, closed);
        closed.markReceived(kind);
        return new Counts(accepted, duplicates);
    }

    /** How many arrivals went in as new keys, and the arrivals still to be written. */
    private record Inserted<T>(int count, List<Arrival<T>> rest) {}

    /**
     * Inserts first and asks after: every key that arrives once in the chunk is inserted as a new record
     * unless the table has it, and the database says which went in. Most keys of a feed are new, so most records
     * are written without the SELECT that would only have found nothing (measured: that SELECT was 7.5 % of the
     * writing thread). The keys the table had, and those arriving more than once in the chunk, are written as
     * before: read, compared, then inserted or updated.
     */
    private Inserted<T> insertNewKeys(List<Arrival<T>> arrivals, String connectorId, String batchId,
                                      Instant receivedAt, ClosedPeriods<T> closed) {
        String[] keys = new String[arrivals.size()];
        Map<String, Integer> arrivalsOfKey = new HashMap<>();
        for (int i = 0; i < keys.length; i++) {
            keys[i] = arrivals.get(i).key();
            arrivalsOfKey.merge(keys[i], 1, Integer::sum);
        }
        long received = receivedAt.toEpochMilli();
        long expiresAt = raws.expiresAt(received);
        List<Integer> once = new ArrayList<>();
        List<Arrival<T>> onceArrivals = new ArrayList<>();
        for (int i = 0; i < keys.length; i++) {
            if (arrivalsOfKey.get(keys[i]) == 1) {
                // as flush writes a key new to the table with its single version inline
                once.add(i);
                onceArrivals.add(arrivals.get(i));
            }
        }
        RawSegments segments = new RawSegments(jdbc);
        FirstArrivalRows.Chunk chunk = firstArrivals.rows(onceArrivals, connectorId, batchId, received,
                segments.numbering(batchId));
        boolean[] inserted = rows.insertAbsent(table.table(), "natural_key", insertColumns, insertTypes, chunk.rows());
        boolean[] done = new boolean[keys.length];
        int count = 0;
        for (int j = 0; j < inserted.length; j++) {
            if (inserted[j]) {
                done[once.get(j)] = true;
                closed.arrived(arrivals.get(once.get(j)).record());
                count++;
            }
        }
        // the payloads of keys the table had ride along unread: splitting the segment would cost the writer more
        chunk.pointedAtBy(inserted).forEach(g -> segments.write(batchId, g.number(), g.body(), expiresAt));
        List<Arrival<T>> rest = new ArrayList<>(keys.length - count);
        for (int i = 0; i < keys.length; i++) {
            if (!done[i]) {
                rest.add(arrivals.get(i));
            }
        }
        return new Inserted<>(count, rest);
    }

    private Map<String, KeyState<T>> load(List<T> records) {
        List<String> keys = records.stream().map(table::naturalKey).distinct().toList();
        Map<String, KeyState<T>> states = new LinkedHashMap<>();
        String select = "SELECT natural_key, version, versions, updated_at, content_hash, connector_id, connectors, "
                + "duplicates, CASE WHEN body IS NULL THEN 0 ELSE 1 END AS inline FROM " + table.table();
        RowCallbackHandler stored = rs -> {
            KeyState<T> s = new KeyState<>();
            s.stored = true;
            s.inline = rs.getInt("inline") == 1;
            s.version = rs.getInt("version");
            s.versions = rs.getInt("versions");
            s.updatedAt = Instant.ofEpochMilli(rs.getLong("updated_at"));
            s.hash = rs.getString("content_hash");
            s.hashes.add(s.hash);
            s.connectorId = rs.getString("connector_id");
            s.connectors.addAll(Arrays.asList(rs.getString("connectors").split(",")));
            s.duplicates = rs.getInt("duplicates");
            states.put(rs.getString("natural_key"), s);
        };
        // on PostgreSQL one array for the chunk's keys: one statement, planned once, where slices of 500 were twenty
        Sql.overKeys(dialect, select + " WHERE natural_key", List.of(), keys, (sql, args) -> jdbc.query(sql, args, stored));
        List<String> revised = states.entrySet().stream().filter(e -> e.getValue().versions > 1)
                .map(Map.Entry::getKey).toList();
        // older versions count as "already held" too: a feed replaying last month's version is a duplicate
        Sql.overKeys(dialect, "SELECT natural_key, content_hash FROM record_version WHERE kind = ? AND natural_key",
                List.of(kind.name()), revised, (sql, args) -> jdbc.query(sql, args, rs -> {
                    states.get(rs.getString(1)).hashes.add(rs.getString(2));
                }));
        return states;
    }

    private void flush(Map<String, KeyState<T>> states, String connectorId, String batchId, Instant receivedAt,
                       ClosedPeriods<T> closed) {
        long received = receivedAt.toEpochMilli();
        long expiresAt = raws.expiresAt(received);
        List<Object[]> newRows = new ArrayList<>();
        List<Map.Entry<String, KeyState<T>>> updates = new ArrayList<>();
        List<Map.Entry<String, KeyState<T>>> counters = new ArrayList<>();
        List<String> promoted = new ArrayList<>();
        List<Object[]> versionRows = new ArrayList<>();
        Map<String, RawPayloadWriter.Kept> payloads = new LinkedHashMap<>();
        String kindName = kind.name();
        for (Map.Entry<String, KeyState<T>> e : states.entrySet()) {
            String key = e.getKey();
            KeyState<T> s = e.getValue();
            boolean inlineNow = !s.stored && s.versions == 1;
            if (!s.stored && s.current != null) {
                Version<T> v = s.current;
                Object[] common = {key, s.version, s.versions, s.updatedAt.toEpochMilli(), s.hash,
                    s.connectorId, String.join(",", s.connectors), s.duplicates, received, batchId,
                    inlineNow ? table.inlineBody(v.record, v.canonical) : null, v.rawHash, inlineNow ? v.raw : null,
                    inlineNow && v.raw != null ? expiresAt : null, null, null, null};
                newRows.add(concat(common, table.values(v.record)));
                closed.arrived(v.record);
            } else if (s.stored && s.contentChanged) {
                updates.add(e);
                closed.arrived(s.current.record);
            } else if (s.stored && s.counterChanged) {
                counters.add(e);
            }
            if (inlineNow || s.arrived.isEmpty()) {
                continue;
            }
            if (s.inline) {
                // the key's first version was inline: it joins the history before the new ones
                promoted.add(key);
            }
            for (Version<T> v : s.arrived) {
                versionRows.add(new Object[] {kindName, key, v.version, table.updatedAt(v.record).toEpochMilli(),
                    v.hash, connectorId, batchId, received, v.canonical.get(), v.rawHash});
                if (v.raw != null) {
                    payloads.putIfAbsent(v.rawHash, new RawPayloadWriter.Kept(v.rawHash, v.raw, received, expiresAt));
                }
            }
        }
        promote(promoted);
        rows.insert(table.table(), insertColumns, insertTypes, newRows);
        jdbc.batchUpdate(updateSql, updates, updates.size(), (ps, e) -> {
            KeyState<T> s = e.getValue();
            int i = bindCommon(ps, s, received);
            ps.setString(i++, batchId);
            ps.setString(i++, s.current.rawHash);
            i = table.bind(ps, i, s.current.record);
            ps.setString(i, e.getKey());
        });
        // a new current version is not verified yet: RECEIVED, which a record without a status row is outside the
        // periods closed (ClosedPeriods writes it for the others)
        Sql.overKeys(dialect, "DELETE FROM record_status WHERE kind = ? AND natural_key", List.of(kind.wireName()),
                updates.stream().map(Map.Entry::getKey).toList(), jdbc::update);
        jdbc.batchUpdate("UPDATE " + table.table() + " SET versions = ?, connectors = ?, duplicates = ? "
                + "WHERE natural_key = ?", counters, counters.size(), (ps, e) -> {
                    KeyState<T> s = e.getValue();
                    ps.setInt(1, s.versions);
                    ps.setString(2, String.join(",", s.connectors));
                    ps.setInt(3, s.duplicates);
                    ps.setString(4, e.getKey());
                });
        rows.insert("record_version", VERSION_COLUMNS, VERSION_TYPES, versionRows);
        raws.write(new ArrayList<>(payloads.values()));
    }

    /**
     * Moves the inline version of each key out of its row into record_version, its payload into
     * raw_payload with the expiry it had, and clears the row's inline columns: rare (a key's second
     * version), so one SELECT and a few batches.
     */
    private void promote(List<String> keys) {
        if (keys.isEmpty()) {
            return;
        }
        List<Object[]> moved = new ArrayList<>();
        List<RawPayloadWriter.Kept> payloads = new ArrayList<>();
        RecordColumns.SharedValues shared = new RecordColumns.SharedValues();
        List<InSegment> inSegments = new ArrayList<>();
        Sql.overKeys(dialect, "SELECT natural_key, version, updated_at, content_hash, connector_id, batch_id, "
                + "received_at, body, raw_hash, raw, raw_expires_at, raw_segment, raw_at, raw_length, "
                + RecordColumns.of(kind) + " FROM "
                + table.table() + " WHERE body IS NOT NULL AND natural_key", List.of(), keys,
                (sql, args) -> jdbc.query(sql, args, rs -> {
                        String rawHash = rs.getString("raw_hash");
                        moved.add(new Object[] {kind.name(), rs.getString("natural_key"), rs.getInt("version"),
                            rs.getLong("updated_at"), rs.getString("content_hash"), rs.getString("connector_id"),
                            rs.getString("batch_id"), rs.getLong("received_at"),
                            RecordColumns.canonicalForm(kind, rs, shared), rawHash});
                        int segment = rs.getInt("raw_segment");
                        if (rawHash != null && !rs.wasNull()) {
                            // its text in the chunk's segment (V21), read below a segment at a time
                            inSegments.add(new InSegment(rawHash, rs.getString("batch_id"), segment, rs.getInt("raw_at"),
                                    rs.getInt("raw_length"), rs.getLong("received_at")));
                            return;
                        }
                        long expires = rs.getLong("raw_expires_at");
                        if (rawHash != null && !rs.wasNull()) {
                            // a payload retention already emptied keeps its row with no text, so the API can say when
                            payloads.add(new RawPayloadWriter.Kept(rawHash, rs.getString("raw"), rs.getLong("received_at"),
                                    expires));
                        }
                    }));
        payloads.addAll(fromSegments(inSegments));
        rows.insert("record_version", VERSION_COLUMNS, VERSION_TYPES, moved);
        raws.write(payloads);
        jdbc.batchUpdate("UPDATE " + table.table() + " SET body = NULL, raw = NULL, raw_expires_at = NULL, "
                + "raw_segment = NULL, raw_at = NULL, raw_length = NULL WHERE natural_key = ?", keys, keys.size(), (ps, key) -> ps.setString(1, key));
    }

    /** A promoted version whose raw payload is in a segment: where. */
    private record InSegment(String rawHash, String batchId, int segment, int at, int length, long receivedAt) {}

    /**
     * The payloads of promoted versions kept in segments, each segment inflated once and one at a time: a feed of
     * revisions can promote versions from thousands of batches in one chunk. A segment gone keeps nothing but the
     * version's hash; its expiry is the segment's.
     */
    private List<RawPayloadWriter.Kept> fromSegments(List<InSegment> versions) {
        List<InSegment> bySegment = new ArrayList<>(versions);
        bySegment.sort(java.util.Comparator.comparing(InSegment::batchId).thenComparingInt(InSegment::segment));
        RawSegments segments = new RawSegments(jdbc);
        List<RawPayloadWriter.Kept> kept = new ArrayList<>(bySegment.size());
        for (InSegment v : bySegment) {
            segments.find(v.batchId(), v.segment()).ifPresent(seg -> kept.add(new RawPayloadWriter.Kept(v.rawHash(),
                    textOrLost(seg, v.at(), v.length()), v.receivedAt(), seg.expiresAt().toEpochMilli())));
        }
        return kept;
    }

    /**
     * The text of a promoted version, or null when its segment cannot give it back (damaged, which RawSegments logs
     * where it reads it, or the row's place lying outside it): the version keeps its hash, and the new one still goes
     * in.
     */
    private static String textOrLost(RawSegments.Stored segment, int at, int length) {
        try {
            return segment.text(at, length);
        } catch (IllegalStateException e) {
            return null;
        }
    }

    private static <E> E[] concat(E[] a, E[] b) {
        E[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /** version, versions, updated_at, hash, connector, connectors, duplicates, received. */
    private int bindCommon(PreparedStatement ps, KeyState<T> s, long received) throws SQLException {
        int i = 1;
        ps.setInt(i++, s.version);
        ps.setInt(i++, s.versions);
        ps.setLong(i++, s.updatedAt.toEpochMilli());
        ps.setString(i++, s.hash);
        ps.setString(i++, s.connectorId);
        ps.setString(i++, String.join(",", s.connectors));
        ps.setInt(i++, s.duplicates);
        ps.setLong(i++, received);
        return i;
    }

    private record Version<T>(String key, int version, T record, String hash, Supplier<String> canonical, String rawHash,
                              String raw) {}

    /** What is known of one natural key while a chunk is written. */
    private static final class KeyState<T> {
        boolean stored;
        /** stored with its single version inline in its row */
        boolean inline;
        boolean contentChanged;
        boolean counterChanged;
        Version<T> current;
        int version;
        int versions;
        Instant updatedAt;
        String hash;
        String connectorId;
        final Set<String> hashes = new java.util.HashSet<>();
        final Set<String> connectors = new LinkedHashSet<>();
        /** the versions this chunk adds, in arrival order */
        final List<Version<T>> arrived = new ArrayList<>(1);
        int duplicates;

        static <T> KeyState<T> fresh() {
            return new KeyState<>();
        }
    }
}
