package dev.subsidy.gateway.storage.review;

import dev.subsidy.gateway.storage.Sql;
import dev.subsidy.gateway.storage.records.RecordStatusJoin;
import dev.subsidy.model.RecordKind;
import dev.subsidy.model.RecordStatus;
import dev.subsidy.verification.Finding;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The review queue as the database holds it: records whose current status is SUSPECT or DUPLICATE,
 * found through the findings the last close kept ({@code record_finding}) and read with their
 * status from {@code record_status}. Set-based: one statement per kind and page or IN-slice.
 */
@Repository
public class JdbcReviewQueue {

    private static final int SLICE = 500;
    private static final String IN_QUEUE = "('" + RecordStatus.SUSPECT.name() + "', '" + RecordStatus.DUPLICATE.name() + "')";

    private final JdbcTemplate jdbc;

    JdbcReviewQueue(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Which suspects to take; a null part does not narrow.
     *
     * @param months the months ({@code 2026-11}) of the records, as their findings name them
     */
    public record Filter(RecordKind kind, String rule, String subject, List<String> months) {}

    /**
     * A record as the queue shows it. {@code period} and {@code subject} come from its findings (null
     * when it has none); {@code period} is "-" for an order without a payment time.
     */
    public record Flagged(RecordKind kind, String key, String status, String contentHash, String period,
                          String subject, List<Finding> findings) {}

    public record Page(long total, List<Flagged> items) {}

    /**
     * @param flagged records the rule found something against at their last close
     * @param inQueue those of them still SUSPECT or DUPLICATE (no decision, or one that no longer holds)
     */
    public record RuleCount(String rule, int flagged, int inQueue) {}

    /** One page of the suspects the filter takes, ordered by key (then kind). */
    public Page suspects(Filter filter, int page, int size) {
        List<Object> args = new ArrayList<>();
        String union = union(filter, args);
        Long total = jdbc.queryForObject("SELECT COUNT(*) FROM (" + union + ") q", Long.class, args.toArray());
        List<Object> pageArgs = new ArrayList<>(args);
        pageArgs.add(size);
        pageArgs.add((long) page * size);
        List<Flagged> rows = jdbc.query("SELECT kind, natural_key, status, content_hash FROM (" + union
                + ") q ORDER BY natural_key, kind LIMIT ? OFFSET ?", (rs, n) -> new Flagged(
                        RecordKind.fromWire(rs.getString("kind")), rs.getString("natural_key"), rs.getString("status"),
                        rs.getString("content_hash"), null, null, List.of()), pageArgs.toArray());
        return new Page(total == null ? 0 : total, withFindings(rows));
    }

    /** Every suspect the filter takes, for a decision on all of them at once. */
    public List<Flagged> allSuspects(Filter filter) {
        List<Object> args = new ArrayList<>();
        List<Flagged> rows = jdbc.query("SELECT kind, natural_key, status, content_hash FROM (" + union(filter, args)
                + ") q ORDER BY natural_key, kind", (rs, n) -> new Flagged(RecordKind.fromWire(rs.getString("kind")),
                        rs.getString("natural_key"), rs.getString("status"), rs.getString("content_hash"), null, null,
                        List.of()), args.toArray());
        return withFindings(rows);
    }

    /** The records among these keys that exist, flagged or not, with their findings, keyed by natural key. */
    public Map<String, Flagged> records(RecordKind kind, Collection<String> keys) {
        List<Flagged> rows = new ArrayList<>();
        for (List<String> slice : Sql.slices(List.copyOf(new HashSet<>(keys)), SLICE)) {
            rows.addAll(jdbc.query("SELECT r.natural_key, " + RecordStatusJoin.status(kind, "r") + " AS status, r.content_hash FROM "
                    + table(kind) + " r" + RecordStatusJoin.join(kind, "r") + " WHERE r.natural_key IN ("
                    + Sql.placeholders(slice.size()) + ")", (rs, n) -> new Flagged(kind, rs.getString("natural_key"),
                            rs.getString("status"), rs.getString("content_hash"), null, null, List.of()),
                    slice.toArray()));
        }
        Map<String, Flagged> byKey = new HashMap<>();
        withFindings(rows).forEach(f -> byKey.put(f.key(), f));
        return byKey;
    }

    /** Per rule, how many records it flagged in these months (all months when null) and how many still wait. */
    public List<RuleCount> rules(List<String> months) {
        Map<String, int[]> counts = new TreeMap<>();
        for (RecordKind kind : RecordKind.values()) {
            List<Object> args = new ArrayList<>();
            args.add(kind.wireName());
            String where = "";
            if (months != null) {
                where = " AND f.period IN (" + Sql.placeholders(months.size()) + ")";
                args.addAll(months);
            }
            jdbc.query("SELECT f.rule, COUNT(*) AS flagged, SUM(CASE WHEN st.status IN " + IN_QUEUE
                    + " THEN 1 ELSE 0 END) AS in_queue FROM record_finding f JOIN " + table(kind)
                    + " r ON r.natural_key = f.natural_key" + RecordStatusJoin.join(kind, "r") + " WHERE f.kind = ?"
                    + where + " GROUP BY f.rule", rs -> {
                        int[] c = counts.computeIfAbsent(rs.getString("rule"), r -> new int[2]);
                        c[0] += rs.getInt("flagged");
                        c[1] += rs.getInt("in_queue");
                    }, args.toArray());
        }
        List<RuleCount> out = new ArrayList<>();
        counts.forEach((rule, c) -> out.add(new RuleCount(rule, c[0], c[1])));
        return out;
    }

    /** Which of these periods have been closed before. */
    public Set<String> closed(Collection<String> periods) {
        Set<String> closed = new HashSet<>();
        for (List<String> slice : Sql.slices(List.copyOf(new HashSet<>(periods)), SLICE)) {
            closed.addAll(jdbc.queryForList("SELECT period FROM period_close WHERE period IN ("
                    + Sql.placeholders(slice.size()) + ")", String.class, slice.toArray()));
        }
        return closed;
    }

    private static String union(Filter filter, List<Object> args) {
        List<String> parts = new ArrayList<>();
        for (RecordKind kind : RecordKind.values()) {
            if (filter.kind() != null && filter.kind() != kind) {
                continue;
            }
            // a queued record has a status row: only a close sets SUSPECT or DUPLICATE
            StringBuilder sql = new StringBuilder("SELECT '" + kind.wireName() + "' AS kind, r.natural_key, st.status, "
                    + "r.content_hash FROM record_status st JOIN " + table(kind) + " r ON r.natural_key = st.natural_key "
                    + "WHERE st.kind = '" + kind.wireName() + "' AND st.status IN " + IN_QUEUE
                    + " AND EXISTS (SELECT 1 FROM record_finding f WHERE f.kind = ? AND f.natural_key = r.natural_key");
            args.add(kind.wireName());
            if (filter.rule() != null) {
                sql.append(" AND f.rule = ?");
                args.add(filter.rule());
            }
            if (filter.subject() != null) {
                sql.append(" AND f.subject_id = ?");
                args.add(filter.subject());
            }
            if (filter.months() != null) {
                sql.append(" AND f.period IN (").append(Sql.placeholders(filter.months().size())).append(")");
                args.addAll(filter.months());
            }
            parts.add(sql.append(")").toString());
        }
        return String.join(" UNION ALL ", parts);
    }

    /** The rows with their findings, period and subject, read per kind in IN-slices. */
    private List<Flagged> withFindings(List<Flagged> rows) {
        record Row(String rule, RecordStatus outcome, String reason, String period, String subject) {}
        Map<String, List<Row>> found = new HashMap<>();
        for (RecordKind kind : RecordKind.values()) {
            List<String> keys = rows.stream().filter(f -> f.kind() == kind).map(Flagged::key).toList();
            for (List<String> slice : Sql.slices(keys, SLICE)) {
                List<Object> args = new ArrayList<>(slice.size() + 1);
                args.add(kind.wireName());
                args.addAll(slice);
                jdbc.query("SELECT natural_key, rule, outcome, reason, period, subject_id FROM record_finding WHERE kind = ? "
                        + "AND natural_key IN (" + Sql.placeholders(slice.size()) + ") ORDER BY rule", rs -> {
                            found.computeIfAbsent(kind.wireName() + " " + rs.getString("natural_key"), k -> new ArrayList<>())
                                    .add(new Row(rs.getString("rule"), RecordStatus.valueOf(rs.getString("outcome")),
                                            rs.getString("reason"), rs.getString("period"), rs.getString("subject_id")));
                        }, args.toArray());
            }
        }
        Map<String, Flagged> out = new LinkedHashMap<>();
        for (Flagged f : rows) {
            List<Row> of = found.getOrDefault(f.kind().wireName() + " " + f.key(), List.of());
            out.put(f.kind().wireName() + " " + f.key(), new Flagged(f.kind(), f.key(), f.status(), f.contentHash(),
                    of.isEmpty() ? null : of.get(0).period(), of.isEmpty() ? null : of.get(0).subject(),
                    of.stream().map(r -> new Finding(r.rule(), r.outcome(), r.reason())).toList()));
        }
        return List.copyOf(out.values());
    }

    private static String table(RecordKind kind) {
        return kind == RecordKind.SHIPMENT ? "shipment" : "sales_order";
    }
}
