package dev.subsidy.gateway.storage.awards;

import dev.subsidy.gateway.awards.PriorAwardStore;
import dev.subsidy.model.Period;
import dev.subsidy.model.PriorAward;
import java.math.BigDecimal;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The JDBC implementation of {@link PriorAwardStore}. What was paid or passed in earlier periods, so "the first time" spans years. */
@Repository
public class JdbcPriorAwardStore implements PriorAwardStore {

    private final JdbcTemplate jdbc;

    public JdbcPriorAwardStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<PriorAward> before(Period period) {
        return jdbc.query("SELECT policy, rule_id, subject_id, period, award_key, amount FROM prior_award",
                (rs, n) -> new PriorAward(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), new BigDecimal(rs.getString(6))))
                .stream()
                .filter(p -> !Period.parse(p.period()).end().isAfter(period.start()))
                .toList();
    }

    @Override
    public void replace(Period period, List<PriorAward> remembered) {
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
