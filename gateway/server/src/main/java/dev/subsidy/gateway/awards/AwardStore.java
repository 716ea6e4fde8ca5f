package dev.subsidy.gateway.awards;

import java.util.List;
/** Award lines with revisions that only grow, like figures. */
public interface AwardStore {

    /** Stores the period's lines; returns the new or changed ones with their revision set. */
    List<PublishedAwardLine> publish(String period, List<PublishedAwardLine> computed);

    List<PublishedAwardLine> find(String period, String policy, String subjectId);
}
