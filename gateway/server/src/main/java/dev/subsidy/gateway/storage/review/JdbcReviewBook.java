package dev.subsidy.gateway.storage.review;

import dev.subsidy.gateway.storage.Sql;
import dev.subsidy.model.RecordKind;
import dev.subsidy.verification.Review;
import dev.subsidy.verification.ReviewBook;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;

/**
 * Reviewers' decisions in {@code review_decision} (docs/verification.md "Review queue"): appended,
 * never changed; the latest per record is the one a close applies. Reads and writes are set-based,
 * in IN-slices, never a statement per record.
 */
@Component
public class JdbcReviewBook implements ReviewBook {

    private static final int SLICE = 500;
    private static final String COLUMNS = "d.kind, d.natural_key, d.seq, d.outcome, d.reason, d.reviewer, d.decided_at, "
            + "d.content_hash, d.via_rule, d.via_subject, d.via_period";

    private final JdbcTemplate jdbc;

    JdbcReviewBook(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The filter a bulk decision was made through; every part may be null. */
    public record Via(String rule, String subject, String period) {}

    /** One kept decision and, for a bulk one, the filter it came through (null when the record was named). */
    public record Decision(Review review, Via via) {}

    @Override
    public Map<String, Review> decisions(RecordKind kind, Collection<String> naturalKeys) {
        Map<String, Review> latest = new HashMap<>();
        latest(kind, naturalKeys).forEach((key, d) -> latest.put(key, d.review()));
        return latest;
    }

    /** The latest decision on each of the records that has one, with the filter it came through. */
    public Map<String, Decision> latest(RecordKind kind, Collection<String> naturalKeys) {
        Long decided = jdbc.queryForObject("SELECT COUNT(*) FROM review_decision WHERE kind = ?", Long.class,
                kind.wireName());
        if (decided != null && decided < naturalKeys.size()) {
            // a close asks for every record of its period, and few of them were ever decided on: one read of the
            // decisions instead of a statement per 500 keys (a million keys: 2,000 statements, a second), kept for
            // the keys asked; the few decisions are looked up, not the many keys put in a set (13 million: seconds)
            Map<String, Decision> all = new HashMap<>();
            jdbc.query(latestSql(""), rs -> {
                Decision d = decision(rs);
                all.put(d.review().naturalKey(), d);
            }, kind.wireName(), kind.wireName());
            Map<String, Decision> latest = new HashMap<>();
            for (String key : all.isEmpty() ? List.<String>of() : naturalKeys) {
                Decision d = all.get(key);
                if (d != null) {
                    latest.put(key, d);
                }
            }
            return latest;
        }
        Set<String> wanted = new HashSet<>(naturalKeys);
        Map<String, Decision> latest = new HashMap<>();
        RowCallbackHandler keep = rs -> {
            Decision d = decision(rs);
            if (wanted.contains(d.review().naturalKey())) {
                latest.put(d.review().naturalKey(), d);
            }
        };
        for (List<String> slice : Sql.slices(List.copyOf(wanted), SLICE)) {
            List<Object> args = new ArrayList<>(slice.size() + 2);
            args.add(kind.wireName());
            args.addAll(slice);
            args.add(kind.wireName());
            jdbc.query(latestSql(" AND natural_key IN (" + Sql.placeholders(slice.size()) + ")"), keep, args.toArray());
        }
        return latest;
    }

    /** The latest decision per record of a kind, among the records {@code filter} keeps. */
    private static String latestSql(String filter) {
        return "SELECT " + COLUMNS + " FROM review_decision d JOIN (SELECT natural_key, MAX(seq) AS seq "
                + "FROM review_decision WHERE kind = ?" + filter + " GROUP BY natural_key) m "
                + "ON d.natural_key = m.natural_key AND d.seq = m.seq WHERE d.kind = ?";
    }

    /** Every decision on one record, newest first. */
    public List<Decision> history(RecordKind kind, String naturalKey) {
        return jdbc.query("SELECT " + COLUMNS + " FROM review_decision d WHERE d.kind = ? AND d.natural_key = ? "
                + "ORDER BY d.seq DESC", (rs, n) -> decision(rs), kind.wireName(), naturalKey);
    }

    /**
     * Keeps the decisions, each after every earlier one on its record. Runs in the caller's
     * transaction, which holds the write lock: the next seq per record is read and written in it.
     */
    public void append(List<Decision> decisions) {
        Map<RecordKind, List<Decision>> byKind = new HashMap<>();
        decisions.forEach(d -> byKind.computeIfAbsent(d.review().kind(), k -> new ArrayList<>()).add(d));
        record Row(Decision decision, int seq) {}
        List<Row> rows = new ArrayList<>();
        byKind.forEach((kind, ofKind) -> {
            Map<String, Integer> last = lastSeq(kind, ofKind.stream().map(d -> d.review().naturalKey()).toList());
            for (Decision d : ofKind) {
                rows.add(new Row(d, last.merge(d.review().naturalKey(), 1, Integer::sum)));
            }
        });
        jdbc.batchUpdate("INSERT INTO review_decision (kind, natural_key, seq, outcome, reason, reviewer, decided_at, "
                + "content_hash, via_rule, via_subject, via_period) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows, SLICE,
                (ps, row) -> {
                    Review r = row.decision().review();
                    Via via = row.decision().via();
                    ps.setString(1, r.kind().wireName());
                    ps.setString(2, r.naturalKey());
                    ps.setInt(3, row.seq());
                    ps.setString(4, r.outcome().name());
                    ps.setString(5, r.reason());
                    ps.setString(6, r.reviewer());
                    Sql.setMillis(ps, 7, r.decidedAt());
                    ps.setString(8, r.contentHash());
                    ps.setString(9, via == null ? null : via.rule());
                    ps.setString(10, via == null ? null : via.subject());
                    ps.setString(11, via == null ? null : via.period());
                });
    }

    private Map<String, Integer> lastSeq(RecordKind kind, List<String> keys) {
        Map<String, Integer> last = new HashMap<>();
        for (List<String> slice : Sql.slices(keys.stream().distinct().toList(), SLICE)) {
            List<Object> args = new ArrayList<>(slice.size() + 1);
            args.add(kind.wireName());
            args.addAll(slice);
            jdbc.query("SELECT natural_key, MAX(seq) AS seq FROM review_decision WHERE kind = ? AND natural_key IN ("
                    + Sql.placeholders(slice.size()) + ") GROUP BY natural_key",
                    rs -> {
                        last.put(rs.getString("natural_key"), rs.getInt("seq"));
                    }, args.toArray());
        }
        return last;
    }

    private static Decision decision(ResultSet rs) throws SQLException {
        Review review = new Review(RecordKind.fromWire(rs.getString("kind").toLowerCase(Locale.ROOT)),
                rs.getString("natural_key"), Review.Outcome.valueOf(rs.getString("outcome")), rs.getString("reason"),
                rs.getString("reviewer"), Instant.ofEpochMilli(rs.getLong("decided_at")), rs.getString("content_hash"));
        String rule = rs.getString("via_rule");
        String subject = rs.getString("via_subject");
        String period = rs.getString("via_period");
        return new Decision(review, rule == null && subject == null && period == null ? null
                : new Via(rule, subject, period));
    }
}
