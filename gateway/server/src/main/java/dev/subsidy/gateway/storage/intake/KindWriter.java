package dev.subsidy.gateway.storage.intake;

import static java.sql.Types.BIGINT;
import static java.sql.Types.INTEGER;
import static java.sql.Types.VARCHAR;

import dev.subsidy.gateway.storage.RowWriter;
import dev.subsidy.gateway.storage.Sql;
import dev.subsidy.intake.CanonicalForm;
import dev.subsidy.intake.IntakeStore.Arrival;
import dev.subsidy.intake.IntakeStore.Counts;
import dev.subsidy.model.RecordKind;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Writes one kind of record, a chunk at a time, deciding for each natural key whether the record
 * is new, a duplicate (same content as the current version) or a further version (different
 * content; the newest {@code updatedAt} becomes current, an older one is kept in the history
 * only). One SELECT per slice of keys and a handful of JDBC batches per chunk, whatever its size;
 * new rows go through the {@link RowWriter} (COPY on PostgreSQL). Each new version keeps the hash of
 * its raw payload, and the payload goes to the {@link RawPayloadWriter}; a duplicate keeps neither.
 */
final class KindWriter<T> {

    private static final int KEYS_PER_SELECT = 500;

    private static final String[] COMMON_COLUMNS = {"natural_key", "version", "versions", "updated_at",
        "content_hash", "connector_id", "connectors", "duplicates", "received_at", "status"};
    private static final int[] COMMON_TYPES = {VARCHAR, INTEGER, INTEGER, BIGINT, VARCHAR, VARCHAR, VARCHAR,
        INTEGER, BIGINT, VARCHAR};
    private static final String[] VERSION_COLUMNS = {"kind", "natural_key", "version", "updated_at",
        "content_hash", "connector_id", "batch_id", "received_at", "body", "raw_hash"};
    private static final int[] VERSION_TYPES = {VARCHAR, VARCHAR, INTEGER, BIGINT, VARCHAR, VARCHAR, VARCHAR,
        BIGINT, VARCHAR, VARCHAR};

    private final JdbcTemplate jdbc;
    private final RowWriter rows;
    private final RawPayloadWriter raws;
    private final RecordKind kind;
    private final RecordTable<T> table;
    private final String[] insertColumns;
    private final int[] insertTypes;
    private final String updateSql;

    KindWriter(JdbcTemplate jdbc, RowWriter rows, RawPayloadWriter raws, RecordKind kind, RecordTable<T> table) {
        this.jdbc = jdbc;
        this.rows = rows;
        this.raws = raws;
        this.kind = kind;
        this.table = table;
        this.insertColumns = concat(COMMON_COLUMNS, table.columns());
        this.insertTypes = IntStream.concat(IntStream.of(COMMON_TYPES), IntStream.of(table.types())).toArray();
        String sets = Arrays.stream(table.columns()).map(c -> c + " = ?").collect(Collectors.joining(", "));
        this.updateSql = "UPDATE " + table.table() + " SET version = ?, versions = ?, updated_at = ?, "
                + "content_hash = ?, connector_id = ?, connectors = ?, duplicates = ?, received_at = ?, "
                + "status = 'RECEIVED', reasons = NULL, " + sets + " WHERE natural_key = ?";
    }

    /** The outcome counts for the chunk. */
    Counts write(List<Arrival<T>> arrivals, String connectorId, String batchId, Instant receivedAt) {
        if (arrivals.isEmpty()) {
            return new Counts(0, 0);
        }
        Map<String, KeyState<T>> states = load(arrivals.stream().map(Arrival::record).toList());
        List<Version<T>> versions = new ArrayList<>();
        Map<String, String> payloads = new LinkedHashMap<>();
        int accepted = 0;
        int duplicates = 0;
        for (Arrival<T> arrival : arrivals) {
            T record = arrival.record();
            String key = table.naturalKey(record);
            String canonical = table.canonical(record);
            String hash = CanonicalForm.sha256(canonical);
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
            String rawHash = null;
            if (arrival.payload() != null) {
                String kept = RawPayloadWriter.kept(arrival.payload());
                rawHash = RawPayloadWriter.hash(kept);
                payloads.putIfAbsent(rawHash, kept);
            }
            versions.add(new Version<>(key, state.versions, record, hash, canonical, rawHash));
            Instant updatedAt = table.updatedAt(record);
            // ties go to the later arrival: the feed that sent it last knows best
            if (state.current == null && state.updatedAt == null || !updatedAt.isBefore(state.updatedAt)) {
                state.current = record;
                state.version = state.versions;
                state.updatedAt = updatedAt;
                state.hash = hash;
                state.connectorId = connectorId;
                state.contentChanged = true;
            } else {
                state.counterChanged = true;
            }
        }
        flush(states, versions, connectorId, batchId, receivedAt);
        raws.write(payloads, receivedAt.toEpochMilli());
        return new Counts(accepted, duplicates);
    }

    private Map<String, KeyState<T>> load(List<T> records) {
        List<String> keys = records.stream().map(table::naturalKey).distinct().toList();
        Map<String, KeyState<T>> states = new LinkedHashMap<>();
        for (List<String> slice : Sql.slices(keys, KEYS_PER_SELECT)) {
            jdbc.query("SELECT natural_key, version, versions, updated_at, content_hash, connector_id, connectors, "
                    + "duplicates FROM " + table.table() + " WHERE natural_key IN (" + Sql.placeholders(slice.size())
                    + ")", rs -> {
                        KeyState<T> s = new KeyState<>();
                        s.stored = true;
                        s.version = rs.getInt("version");
                        s.versions = rs.getInt("versions");
                        s.updatedAt = Instant.ofEpochMilli(rs.getLong("updated_at"));
                        s.hash = rs.getString("content_hash");
                        s.hashes.add(s.hash);
                        s.connectorId = rs.getString("connector_id");
                        s.connectors.addAll(Arrays.asList(rs.getString("connectors").split(",")));
                        s.duplicates = rs.getInt("duplicates");
                        states.put(rs.getString("natural_key"), s);
                    }, slice.toArray());
        }
        List<String> revised = states.entrySet().stream().filter(e -> e.getValue().versions > 1)
                .map(Map.Entry::getKey).toList();
        // older versions count as "already held" too: a feed replaying last month's version is a duplicate
        for (List<String> slice : Sql.slices(revised, KEYS_PER_SELECT)) {
            List<Object> args = new ArrayList<>();
            args.add(kind.name());
            args.addAll(slice);
            jdbc.query("SELECT natural_key, content_hash FROM record_version WHERE kind = ? AND natural_key IN ("
                    + Sql.placeholders(slice.size()) + ")",
                    rs -> {
                        states.get(rs.getString(1)).hashes.add(rs.getString(2));
                    }, args.toArray());
        }
        return states;
    }

    private void flush(Map<String, KeyState<T>> states, List<Version<T>> versions, String connectorId,
                       String batchId, Instant receivedAt) {
        List<Map.Entry<String, KeyState<T>>> inserts = new ArrayList<>();
        List<Map.Entry<String, KeyState<T>>> updates = new ArrayList<>();
        List<Map.Entry<String, KeyState<T>>> counters = new ArrayList<>();
        for (Map.Entry<String, KeyState<T>> e : states.entrySet()) {
            KeyState<T> s = e.getValue();
            if (!s.stored && s.current != null) {
                inserts.add(e);
            } else if (s.stored && s.contentChanged) {
                updates.add(e);
            } else if (s.stored && s.counterChanged) {
                counters.add(e);
            }
        }
        long received = receivedAt.toEpochMilli();
        List<Object[]> newRows = new ArrayList<>(inserts.size());
        for (Map.Entry<String, KeyState<T>> e : inserts) {
            KeyState<T> s = e.getValue();
            Object[] common = {e.getKey(), s.version, s.versions, s.updatedAt.toEpochMilli(), s.hash,
                s.connectorId, String.join(",", s.connectors), s.duplicates, received, "RECEIVED"};
            newRows.add(concat(common, table.values(s.current)));
        }
        rows.insert(table.table(), insertColumns, insertTypes, newRows);
        jdbc.batchUpdate(updateSql, updates, updates.size(), (ps, e) -> {
            KeyState<T> s = e.getValue();
            int i = bindCommon(ps, s, received);
            i = table.bind(ps, i, s.current);
            ps.setString(i, e.getKey());
        });
        jdbc.batchUpdate("UPDATE " + table.table() + " SET versions = ?, connectors = ?, duplicates = ? "
                + "WHERE natural_key = ?", counters, counters.size(), (ps, e) -> {
                    KeyState<T> s = e.getValue();
                    ps.setInt(1, s.versions);
                    ps.setString(2, String.join(",", s.connectors));
                    ps.setInt(3, s.duplicates);
                    ps.setString(4, e.getKey());
                });
        String kindName = kind.name();
        List<Object[]> versionRows = new ArrayList<>(versions.size());
        for (Version<T> v : versions) {
            versionRows.add(new Object[] {kindName, v.key, v.version, table.updatedAt(v.record).toEpochMilli(),
                v.hash, connectorId, batchId, received, v.canonical, v.rawHash});
        }
        rows.insert("record_version", VERSION_COLUMNS, VERSION_TYPES, versionRows);
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

    private record Version<T>(String key, int version, T record, String hash, String canonical, String rawHash) {}

    /** What is known of one natural key while a chunk is written. */
    private static final class KeyState<T> {
        boolean stored;
        boolean contentChanged;
        boolean counterChanged;
        T current;
        int version;
        int versions;
        Instant updatedAt;
        String hash;
        String connectorId;
        final Set<String> hashes = new java.util.HashSet<>();
        final Set<String> connectors = new LinkedHashSet<>();
        int duplicates;

        static <T> KeyState<T> fresh() {
            return new KeyState<>();
        }
    }
}
