package dev.subsidy.gateway.storage.figures;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.subsidy.figures.MeasuredFigure;
import dev.subsidy.gateway.storage.RecordingCores;
import dev.subsidy.gateway.storage.RowWriter;
import dev.subsidy.gateway.storage.Sql;
import dev.subsidy.model.Evidence;
import dev.subsidy.verification.SecondCore;
import java.sql.Types;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
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
 * digest in {@code figure_key_set}, its keys in {@code figure_key_page} a thousand to a row (a set kept before
 * V17 has a row per key in {@code figure_key}), written by the close through the bulk row writer, read by
 * position.
 */
@Repository
public class FigureKeyStore {

    /**
     * Keys per stored page: a set of a million keys is a thousand rows, not a million; a page of the API (up to
     * 10,000 keys) reads a few of them.
     */
    static final int KEYS_PER_PAGE = 1_000;
    /** Page rows handed to the row writer at once: bounded memory however many keys a month has. */
    private static final int CHUNK = 200;
    private static final String[] PAGE_COLUMNS = {"digest", "page_no", "key_list"};
    private static final int[] PAGE_NULL_TYPES = {Types.VARCHAR, Types.INTEGER, Types.VARCHAR};
    private static final String[] SET_COLUMNS = {"digest", "key_count", "kept_at", "keys_per_page"};
    private static final int[] SET_NULL_TYPES = {Types.VARCHAR, Types.INTEGER, Types.BIGINT, Types.INTEGER};

    private static final com.fasterxml.jackson.core.type.TypeReference<List<String>> KEY_LIST =
            new com.fasterxml.jackson.core.type.TypeReference<>() {};

    private final JdbcTemplate jdbc;
    private final RowWriter rows;
    private final ObjectMapper json;
    private final Clock clock;

    private final SecondCore cores;

    FigureKeyStore(JdbcTemplate jdbc, RowWriter rows, ObjectMapper json, Clock clock, RecordingCores cores) {
        this.jdbc = jdbc;
        this.rows = rows;
        this.json = json;
        this.clock = clock;
        this.cores = cores.cores();
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
        bySet.forEach((digest, keys) -> sets.add(new Object[] {digest, keys.size(), now, KEYS_PER_PAGE}));
        rows.insert("figure_key_set", SET_COLUMNS, SET_NULL_TYPES, sets);
        List<Page> chunk = new ArrayList<>(CHUNK);
        for (Map.Entry<String, List<String>> set : bySet.entrySet()) {
            List<String> keys = set.getValue();
            for (int page = 0; page * KEYS_PER_PAGE < keys.size(); page++) {
                chunk.add(new Page(set.getKey(), page,
                        keys.subList(page * KEYS_PER_PAGE, Math.min(keys.size(), (page + 1) * KEYS_PER_PAGE))));
                if (chunk.size() == CHUNK) {
                    insert(chunk);
                    chunk = new ArrayList<>(CHUNK);
                }
            }
        }
        insert(chunk);
    }

    /** One page of a set's keys, to be written. */
    private record Page(String digest, int number, List<String> keys) {}

    /** The pages' rows, each page's JSON made on whichever of the two threads is free (a page a task). */
    private void insert(List<Page> pages) {
        if (pages.isEmpty()) {
            return;
        }
        Object[][] made = new Object[pages.size()][];
        // JSON: a key holds whatever its source's id held, a line feed or a comma included
        cores.forEach(pages.size(), i -> made[i] = new Object[] {pages.get(i).digest(), pages.get(i).number(),
            write(pages.get(i).keys())});
        rows.insert("figure_key_page", PAGE_COLUMNS, PAGE_NULL_TYPES, Arrays.asList(made));
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
        List<Integer> perPage = jdbc.queryForList("SELECT keys_per_page FROM figure_key_set WHERE digest = ?",
                Integer.class, digest);
        if (perPage.isEmpty() || to <= from) {
            return List.of();
        }
        Integer size = perPage.get(0);
        if (size == null) {
            // a set kept before keys were kept by the page: a row per key
            return jdbc.queryForList("SELECT natural_key FROM figure_key WHERE digest = ? AND position >= ? "
                    + "AND position < ? ORDER BY position", String.class, digest, from, to);
        }
        int first = from / size;
        List<String> keys = new ArrayList<>(to - from);
        jdbc.query("SELECT page_no, key_list FROM figure_key_page WHERE digest = ? AND page_no >= ? AND page_no <= ? "
                + "ORDER BY page_no", rs -> {
                    List<String> onPage = readKeys(rs.getString("key_list"));
                    int start = rs.getInt("page_no") * size;
                    for (int i = Math.max(from - start, 0); i < onPage.size() && start + i < to; i++) {
                        keys.add(onPage.get(i));
                    }
                }, digest, first, (to - 1) / size);
        return keys;
    }

    private String write(List<String> keys) {
        try {
            return json.writeValueAsString(keys);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a page of keys", e);
        }
    }

    private List<String> readKeys(String text) {
        try {
            return json.readValue(text, KEY_LIST);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored page of keys cannot be read", e);
        }
    }

    private Evidence read(String text) {
        try {
            return json.readValue(text, Evidence.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored evidence cannot be read", e);
        }
    }
}
