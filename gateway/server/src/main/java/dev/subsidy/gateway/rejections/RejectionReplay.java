package dev.subsidy.gateway.rejections;

import dev.subsidy.gateway.web.NotFoundException;
import dev.subsidy.intake.FeedIntake;
import dev.subsidy.intake.IntakeReceipt;
import dev.subsidy.runtime.ConnectorInstance;
import dev.subsidy.runtime.ConnectorRuntime;
import dev.subsidy.runtime.definition.ConnectorDefinition;
import dev.subsidy.runtime.mapping.RecordMapper;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Replays a connector's rejected records after a fix (docs/operations.md "Replaying rejected records"):
 * each is mapped again by what the connector is configured with now and goes through the ordinary
 * intake as one new batch of origin REPLAY, in one transaction, under the connector's own id. The
 * intake's natural-key dedup counts a record that was meanwhile sent again only once. Each rejection
 * taken is marked in the same transaction, so none is ever replayed twice; one still rejected leaves a
 * new rejection in the replay batch, which the next replay takes.
 */
@Service
class RejectionReplay {

    static final String ORIGIN = "REPLAY";
    /** Rejections read per query: a page of the queue, never the whole of it. */
    static final int PAGE = 500;
    static final long PROGRESS_EVERY = 10_000;
    /** The still-rejected ones a reply lists; the count says how many there are in all. */
    static final int LISTED = 1000;

    private static final Logger log = LoggerFactory.getLogger(RejectionReplay.class);

    private final RejectionBook book;
    private final FeedIntake intake;
    private final ConnectorRuntime runtime;
    private final RecordMapper mapper;
    private final Clock clock;

    RejectionReplay(RejectionBook book, FeedIntake intake, ConnectorRuntime runtime, RecordMapper mapper, Clock clock) {
        this.book = book;
        this.intake = intake;
        this.runtime = runtime;
        this.mapper = mapper;
        this.clock = clock;
    }

    /** What a replay did; {@code batch} is null when it stored no batch (nothing to replay, or nothing replayable). */
    record Result(long replayed, int accepted, int duplicates, long stillRejectedCount,
                  List<RejectionBook.NotStored> stillRejected, String batch) {}

    Result replay(ReplayRequest request) {
        RawReplay raw = reader(request.connector());
        String mark = "replay-" + UUID.randomUUID();
        Instant at = clock.instant();
        ReplayReader[] reader = new ReplayReader[1];
        log.info("replay of connector {} started{}{}", request.connector(),
                request.batch() == null ? "" : ", batch " + request.batch(),
                request.since() == null ? "" : ", since " + request.since());
        IntakeReceipt receipt = intake.ingestReading(request.connector(), ORIGIN, () -> {
            // opened inside the transaction, after its write lock: a retried transaction starts reading afresh
            reader[0] = new ReplayReader(book, raw, request, mark, at, PAGE, PROGRESS_EVERY);
            return reader[0];
        }, stored -> book.settle(mark, stored.batchId(), stored.rejected()));
        long taken = reader[0] == null ? 0 : reader[0].taken();
        String batch = receipt.total() > 0 ? receipt.batchId() : null;
        long notStored = taken == 0 ? 0 : book.countNotStored(receipt.batchId());
        List<RejectionBook.NotStored> listed = taken == 0 ? List.of() : book.notStored(receipt.batchId(), LISTED);
        log.info("replay of connector {}: {} rejections replayed: {} accepted, {} duplicates, {} still rejected",
                request.connector(), taken, receipt.accepted(), receipt.duplicates(), notStored);
        return new Result(taken, receipt.accepted(), receipt.duplicates(), notStored, listed, batch);
    }

    /** How the connector reads a record now; a replay it cannot run is refused before anything is read. */
    private RawReplay reader(String connector) {
        Optional<ConnectorInstance> instance = runtime.find(connector);
        if (instance.isEmpty()) {
            if (!book.anyBatch(connector)) {
                throw new NotFoundException("no connector '" + connector + "', and none by that name ever stored a batch");
            }
            if (book.readByConnector(connector)) {
                throw new ReplayRefusedException("connector " + connector + " was deleted: there is no mapping to replay its "
                        + "rejections with; add it again (POST /api/v1/connectors) and replay");
            }
            // the standard feed, or a feeder token's connector: records that are standard records already
            return new RawReplay(mapper, null, Map.of());
        }
        ConnectorDefinition d = instance.get().definition();
        if (d.assembly() != null) {
            throw new ReplayRefusedException("connector " + connector + " assembles each waybill's trace from the events of "
                    + "several pushes: one rejected push cannot be replayed alone; the carrier's next push of the waybill "
                    + "is mapped with the fixed mapping");
        }
        List<String> problems = mapper.problems(d.effectiveMapping());
        if (!problems.isEmpty()) {
            throw new ReplayRefusedException("connector " + connector + " cannot replay: " + String.join("; ", problems));
        }
        return new RawReplay(mapper, d.effectiveMapping(), d.mappingParams());
    }
}
