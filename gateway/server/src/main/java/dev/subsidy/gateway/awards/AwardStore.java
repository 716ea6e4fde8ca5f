package dev.subsidy.gateway.awards;

import dev.subsidy.gateway.awards.PublishedAwardLine;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Award lines with revisions that only grow, like figures. */
public interface AwardStore {

    /** Stores the period's lines; returns the new or changed ones with their revision set. */
    List<PublishedAwardLine> publish(String period, List<PublishedAwardLine> computed);

    List<PublishedAwardLine> find(String period, String policy, String subjectId);
}
