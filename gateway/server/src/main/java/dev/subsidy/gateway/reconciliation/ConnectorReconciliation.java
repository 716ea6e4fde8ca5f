package dev.subsidy.gateway.reconciliation;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What a connector's records of one period add up to (docs/api.md "Reconciliation"): what the partner
 * reported where the connector knows it, what the gateway received, and what became of it.
 *
 * @param source how the connector's records came: PUSH, PULL, FILE or FEED (standard records posted)
 * @param reported the records the partner says it sent; null when the source states no total
 * @param reportedMeans what {@code reported} is for this source, or why it is unknown
 * @param received records read from the period's batches (replays not counted again)
 * @param replay what replays made of the period's rejections
 * @param awaitingReplay rejections of the period no replay has taken yet
 * @param balanced whether the counts add up
 * @param reason why they do not, sentence by sentence; null when they do
 */
public record ConnectorReconciliation(String connector, String period, Instant from, Instant to, String basis, String source,
                             @JsonInclude(JsonInclude.Include.ALWAYS) Long reported, String reportedMeans,
                             long received, long accepted, long duplicates, long rejected, ReplayCounts replay,
                             long awaitingReplay, long runs, long failedRuns, long files, long failedFiles,
                             boolean balanced, @JsonInclude(JsonInclude.Include.ALWAYS) String reason) {

    /** Each rejection of the period replayed counts once, by its last replay. */
    public record ReplayCounts(long replayed, long stored, long nothingToStore, long stillRejected, long notReplayable) {}

    static final String BASIS = "received";

    /** The feed formats: standard records posted to the feed endpoint. */
    private static final List<String> FEED = List.of("JSON", "NDJSON", "CSV");

    /**
     * Adds up a connector's period.
     *
     * @param kind the connector's kind now (PUSH, PULL, FILE), null when it has no definition (a standard feed, or deleted)
     */
    static ConnectorReconciliation of(String connector, String period, Instant from, Instant to, String kind,
                             List<ReconciliationStore.Intake> intake, long rejectionsKept,
                             ReconciliationStore.Replays replays, ReconciliationStore.Runs runs) {
        long records = 0;
        long accepted = 0;
        long duplicates = 0;
        long rejected = 0;
        for (ReconciliationStore.Intake i : intake) {
            records += i.records();
            accepted += i.accepted();
            duplicates += i.duplicates();
            rejected += i.rejected();
        }
        String source = source(kind, intake);
        Long reported = "PUSH".equals(source) || "FEED".equals(source) ? records : null;
        List<String> differences = new ArrayList<>();
        if (accepted + duplicates + rejected != records) {
            differences.add("the batches hold " + records + " records but count " + accepted + " accepted + " + duplicates
                    + " duplicates + " + rejected + " rejected = " + (accepted + duplicates + rejected));
        }
        if (rejectionsKept != rejected) {
            differences.add("the batches count " + rejected + " rejected but " + rejectionsKept + " rejections are kept");
        }
        if (runs.filesFailed() > 0) {
            differences.add(runs.filesFailed() + (runs.filesFailed() == 1 ? " file" : " files") + " failed as a whole and "
                    + "stored nothing (in failed/ with the report of each refused row): their rows are not in received");
        }
        long settled = replays.stored() + replays.nothingToStore() + replays.stillRejected() + replays.notReplayable();
        if (settled != replays.replayed()) {
            differences.add(replays.replayed() + " rejections were replayed but " + settled + " have an outcome");
        }
        if (replays.replayed() > rejectionsKept) {
            differences.add(replays.replayed() + " rejections were replayed, more than the " + rejectionsKept + " kept");
        }
        ReplayCounts replay = new ReplayCounts(replays.replayed(), replays.stored(), replays.nothingToStore(), replays.stillRejected(),
                replays.notReplayable());
        return new ConnectorReconciliation(connector, period, from, to, BASIS, source, reported, reportedMeans(source), records,
                accepted, duplicates, rejected, replay, Math.max(0, rejectionsKept - replays.replayed()), runs.runs(),
                runs.failedRuns(), runs.files(), runs.filesFailed(), differences.isEmpty(),
                differences.isEmpty() ? null : String.join("; ", differences));
    }

    private static String source(String kind, List<ReconciliationStore.Intake> intake) {
        if (kind != null) {
            return kind;
        }
        for (ReconciliationStore.Intake i : intake) {
            if (!FEED.contains(i.origin())) {
                return i.origin();
            }
        }
        return "FEED";
    }

    private static String reportedMeans(String source) {
        return switch (source) {
            case "PUSH", "FEED" -> "the records the sender's posts held, as read: each post was answered with its receipt, "
                    + "so this is what the sender was told was received (a post refused as a whole stored nothing and "
                    + "was answered with its error)";
            case "FILE" -> "unknown: a file states no total of its own; files that failed as a whole are counted in "
                    + "failedFiles";
            case "PULL" -> "unknown: the partner's API gives no total the http-pull runtime keeps; a failed run stores "
                    + "nothing and its next run reads the same window again";
            default -> "unknown";
        };
    }
}
