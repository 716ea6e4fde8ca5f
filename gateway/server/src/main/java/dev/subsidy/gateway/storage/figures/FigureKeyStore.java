package dev.subsidy.gateway.storage.figures;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.subsidy.figures.MeasuredFigure;
import dev.subsidy.gateway.storage.RowWriter;
import dev.subsidy.gateway.storage.Sql;
import dev.subsidy.model.Evidence;
import java.sql.Types;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The natural keys published figures counted (docs/figures.md "The keys a figure counted"): one set per
 * digest in {@code figure_key_set} and {@code figure_key}, written by the close through the bulk row
 * writer, read a page at a time by position.
 */
@Repository
public class FigureKeyStore {

    /** Key rows handed to the row writer at once: bounded memory however many keys a month has. */
    private static final int CHUNK = 50_000;
    private static final String[] KEY_COLUMNS = {"digest", "position", "natural_key"};
    private static final int[] KEY_NULL_TYPES = {Types.VARCHAR, Types.INTEGER, Types.VARCHAR};
    private static final String[] SET_COLUMNS = {"digest", "key_count", "kept_at"};
    private static final int[] SET_NULL_TYPES = {Types.VARCHAR, Types.INTEGER, Types.BIGINT};

    private final JdbcTemplate jdbc;
    private final RowWriter rows;
    private final ObjectMapper json;
    private final Clock clock;

    FigureKeyStore(JdbcTemplate jdbc, RowWriter rows, ObjectMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.rows = rows;
        this.json = json;
        this.clock = clock;
    }

    /** A published revision of a figure: its evidence, the current revision, and whether its keys were kept. */
    public record Revision(String figureId, int revision, int currentRevision, Evidence evidence, boolean keysKept) {}

    /**
     * Keeps the counted keys of figures being published, within the caller's transaction: the sets whose
     * digest is not kept yet, each once. A figure counting something but carrying no keys is a fault of the
     * caller, refused rather than published without what re-checks it.
     */
    void keep(List<MeasuredFigure> figures) {
        Map<String, List<String>> bySet = new LinkedHashMap<>();
        for (MeasuredFigure f : figures) {
            if (f.evidence().counted() == 0) {
                continue; // the digest of no keys: nothing to keep
            }
            if (f.countedKeys() == null || f.countedKeys().size() != f.evidence().counted()) {
                throw new IllegalStateException("figure " + f.figureId() + " is published without the "
                        + f.evidence().counted() + " keys it counted");
            }
            bySet.putIfAbsent(f.evidence().digest(), f.countedKeys());
        }
        bySet.keySet().removeAll(keptAmong(List.copyOf(bySet.keySet())));
        if (bySet.isEmpty()) {
            return;
        }
        long now = clock.millis();
        List<Object[]> sets = new ArrayList<>();
        bySet.forEach((digest, keys) -> sets.add(new Object[] {digest, keys.size(), now}));
        rows.insert("figure_key_set", SET_COLUMNS, SET_NULL_TYPES, sets);
        List<Object[]> chunk = new ArrayList<>(CHUNK);
        for (Map.Entry<String, List<String>> set : bySet.entrySet()) {
            List<String> keys = set.getValue();
            for (int position = 0; position < keys.size(); position++) {
                chunk.add(new Object[] {set.getKey(), position, keys.get(position)});
                if (chunk.size() == CHUNK) {
                    rows.insert("figure_key", KEY_COLUMNS, KEY_NULL_TYPES, chunk);
                    chunk = new ArrayList<>(CHUNK);
                }
            }
        }
        rows.insert("figure_key", KEY_COLUMNS, KEY_NULL_TYPES, chunk);
    }

    private Set<String> keptAmong(List<String> digests) {
        Set<String> kept = new HashSet<>();
        for (List<String> slice : Sql.slices(digests, 500)) {
            kept.addAll(jdbc.queryForList("SELECT digest FROM figure_key_set WHERE digest IN ("
                    + Sql.placeholders(slice.size()) + ")", String.class, slice.toArray()));
        }
        return kept;
    }

    /** The current revision of a published figure, if it was ever published. */
    public Optional<Integer> currentRevision(String figureId) {
        return jdbc.queryForList("SELECT revision FROM figure WHERE figure_id = ?", Integer.class, figureId)
                .stream().findFirst();
    }

    /** One published revision of a figure, if it exists. */
    public Optional<Revision> revision(String figureId, int revision, int currentRevision) {
        List<Evidence> found = jdbc.query("SELECT evidence FROM figure_revision WHERE figure_id = ? AND revision = ?",
                (rs, n) -> read(rs.getString("evidence")), figureId, revision);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Evidence evidence = found.get(0);
        boolean kept = evidence.counted() == 0 || !jdbc.queryForList(
                "SELECT key_count FROM figure_key_set WHERE digest = ?", Integer.class, evidence.digest()).isEmpty();
        return Optional.of(new Revision(figureId, revision, currentRevision, evidence, kept));
    }

    /** Keys {@code from} (0-based, inclusive) to {@code to} (exclusive) of the set with this digest, in digest order. */
    public List<String> keys(String digest, int from, int to) {
        return jdbc.queryForList("SELECT natural_key FROM figure_key WHERE digest = ? AND position >= ? AND position < ? "
                + "ORDER BY position", String.class, digest, from, to);
    }

    private Evidence read(String text) {
        try {
            return json.readValue(text, Evidence.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored evidence cannot be read", e);
        }
    }
}
