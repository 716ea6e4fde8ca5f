package dev.subsidy.gateway.awards;

import dev.subsidy.model.Period;
import dev.subsidy.model.PriorAward;
import java.math.BigDecimal;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/** What was paid or passed in earlier periods, so "the first time" spans years. */
final class PriorAwardStore {

    private final JdbcTemplate jdbc;

    PriorAwardStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Prior awards of periods that ended before this one began: re-closing a year never sees its own payments. */
    List<PriorAward> before(Period period) {
        return jdbc.query("SELECT policy, rule_id, subject_id, period, award_key, amount FROM prior_award",
                (rs, n) -> new PriorAward(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), new BigDecimal(rs.getString(6))))
                .stream()
                .filter(p -> !Period.parse(p.period()).end().isAfter(period.start()))
                .toList();
    }

    void replace(Period period, List<PriorAward> remembered) {
        jdbc.update("DELETE FROM prior_award WHERE period = ?", period.toString());
        jdbc.batchUpdate("INSERT INTO prior_award (policy, rule_id, subject_id, period, award_key, amount) "
                + "VALUES (?, ?, ?, ?, ?, ?)", remembered, 500, (ps, p) -> {
                    ps.setString(1, p.policy());
                    ps.setString(2, p.ruleId());
                    ps.setString(3, p.subjectId());
                    ps.setString(4, p.period());
                    ps.setString(5, p.key() == null ? "" : p.key());
                    ps.setString(6, p.amount().toPlainString());
                });
    }
}
