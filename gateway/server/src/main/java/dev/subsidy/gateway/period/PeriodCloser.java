package dev.subsidy.gateway.period;

import dev.subsidy.figures.FigureBook;
import dev.subsidy.figures.FigureCalculator;
import dev.subsidy.figures.MeasuredFigure;
import dev.subsidy.figures.PublishedFigure;
import dev.subsidy.figures.Revisions;
import dev.subsidy.gateway.awards.AwardCalculator;
import dev.subsidy.gateway.awards.AwardStore;
import dev.subsidy.gateway.awards.PublishedAwardLine;
import dev.subsidy.gateway.delivery.DeliveryKind;
import dev.subsidy.gateway.delivery.Outbox;
import dev.subsidy.gateway.figures.FigureJson;
import dev.subsidy.gateway.period.progress.CloseProgress;
import dev.subsidy.gateway.period.progress.CloseProgressBoard;
import dev.subsidy.gateway.storage.Background;
import dev.subsidy.gateway.storage.WriteLock;
import dev.subsidy.gateway.storage.registry.RegistryStore;
import dev.subsidy.gateway.verification.SourceTrust;
import dev.subsidy.gateway.verification.VerificationProperties;
import dev.subsidy.gateway.web.CapacityExceededException;
import dev.subsidy.model.Period;
import dev.subsidy.runtime.definition.DefinitionStore;
import dev.subsidy.verification.Jurisdiction;
import dev.subsidy.verification.OrderVerdict;
import dev.subsidy.verification.PeriodVerdicts;
import dev.subsidy.verification.RecordSource;
import dev.subsidy.verification.RegistrySnapshot;
import dev.subsidy.verification.ReviewBook;
import dev.subsidy.verification.SecondCore;
import dev.subsidy.verification.ShipmentVerdict;
import dev.subsidy.verification.StatusBook;
import dev.subsidy.verification.TooManyRecordsException;
import dev.subsidy.verification.period.PeriodScreening;
import dev.subsidy.verification.period.SlicedScreening;
import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * 结算: verifies every record of a period, computes its figures and award lines, publishes what
 * changed and queues it for the award system — all in one transaction, so a crash leaves either the
 * previous publication or the new one, never half of each.
 */
@Service
public class PeriodCloser {

    private static final Logger log = LoggerFactory.getLogger(PeriodCloser.class);
    private static final int TOP_REASONS = 20;
    /** Statuses written per step of the progress view. */
    private static final int MARK_CHUNK = 5_000;

    private final TransactionTemplate transactions;
    private final WriteLock writeLock;
    private final Jurisdiction jurisdiction;
    private final RegistryStore registry;
    private final RecordSource records;
    private final StatusBook statuses;
    private final FigureBook figures;
    private final FigureJson figureJson;
    private final AwardCalculator awardCalculator;
    private final AwardStore awards;
    private final Outbox outbox;
    private final CloseLog closes;
    private final VerificationProperties verification;
    private final DefinitionStore definitions;
    private final ReviewBook reviews;
    private final CloseObserver observer;
    private final CloseProgressBoard progressBoard;
    private final CloseProperties settings;
    /**
     * The close's second core: it shares the screening (the records' verifying, the fraud rules) and the figures with
     * the close's thread. Closes take turns, so one thread; only the close's thread hands it work (a task it handed
     * itself would wait behind itself).
     */
    private final ExecutorService helper = Background.thread("close-helper");

    PeriodCloser(TransactionTemplate transactions, WriteLock writeLock, Jurisdiction jurisdiction, RegistryStore registry,
                 RecordSource records, StatusBook statuses, FigureBook figures, FigureJson figureJson,
                 AwardCalculator awardCalculator, AwardStore awards, Outbox outbox, CloseLog closes,
                 VerificationProperties verification, DefinitionStore definitions, Optional<ReviewBook> reviews,
                 Optional<CloseObserver> observer, CloseProgressBoard progressBoard, CloseProperties settings) {
        this.transactions = transactions;
        this.writeLock = writeLock;
        this.jurisdiction = jurisdiction;
        this.registry = registry;
        this.records = records;
        this.statuses = statuses;
        this.figures = figures;
        this.figureJson = figureJson;
        this.awardCalculator = awardCalculator;
        this.awards = awards;
        this.outbox = outbox;
        this.closes = closes;
        this.verification = verification;
        this.definitions = definitions;
        this.reviews = reviews.orElse(ReviewBook.NONE);
        this.observer = observer.orElse(CloseObserver.NONE);
        this.progressBoard = progressBoard;
        this.settings = settings;
    }

    public CloseSummary close(Period period) {
        long started = System.nanoTime();
        // the close's log lines carry its period (docs/operations.md "Logs")
        try (MDC.MDCCloseable logged = MDC.putCloseable("period", period.toString())) {
            CloseProgress progress = progressBoard.begin(period);
            try {
                CloseSummary summary = closeLogged(period, started, progress);
                progress.finished();
                return summary;
            } catch (OutOfMemoryError e) {
                // past the estimate: the transaction is rolled back and what the close held is garbage again
                String reason = CloseCapacity.exhausted(period, Runtime.getRuntime().maxMemory());
                log.error("{}", reason);
                progress.failed(reason);
                throw new CapacityExceededException(reason);
            } catch (RuntimeException | Error e) {
                progress.failed(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
                throw e;
            }
        }
    }

    private CloseSummary closeLogged(Period period, long started, CloseProgress progress) {
        long maxHeap = Runtime.getRuntime().maxMemory();
        long atOnce = settings.holdsAtOnce(maxHeap);
        progress.phase("asking whether the period's parcels fit in the heap", 0);
        if (records.collectedMoreThan(period, atOnce)) {
            log.info("period {} has more parcels than the {} records a close holds at once: closing it a slice at a time",
                    period, atOnce);
        } else {
            try {
                return closeWithin(period, started, progress, records.atMost(atOnce));
            } catch (TooManyRecordsException e) {
                // rolled back, nothing written: the period is read again a slice at a time, which holds its orders and
                // a few dozen bytes per parcel rather than every record (docs/operations.md "Closing a large period")
                log.info("period {} holds more than the {} records a close holds at once: closing it a slice at a time",
                        period, e.limit());
            }
        }
        try {
            // its orders are held whole: past what the heap holds of them, it is refused, rolled back
            return closeSliced(period, started, progress, records.atMost(
                    CloseCapacity.records(settings.bytesPerRecord(), maxHeap)));
        } catch (TooManyRecordsException orders) {
            throw new CapacityExceededException(CloseCapacity.tooManyOrders(period, orders.limit(), maxHeap));
        }
    }

    /** The close, reading its records from {@code bounded}: past what the heap holds, its read stops the close. */
    private CloseSummary closeWithin(Period period, long started, CloseProgress progress, RecordSource bounded) {
        return closeLocked(period, started, progress, (snapshot, counted) -> {
            PeriodVerdicts verdicts = new PeriodScreening(jurisdiction, snapshot, verification.rules().thresholds(),
                    SourceTrust.resolve(verification, definitions), new SecondCore(helper)).screen(period, bounded, reviews,
                    step -> progress.phase(step, 0));
            List<ShipmentVerdict> shipmentVerdicts = verdicts.shipments();
            List<OrderVerdict> ordersInPeriod = verdicts.ordersPaidInPeriod();
            progress.phase("marking statuses", shipmentVerdicts.size() + ordersInPeriod.size());
            statuses.reopen(period);
            progress.inChunks(shipmentVerdicts, MARK_CHUNK, chunk -> statuses.markShipments(period, chunk));
            progress.inChunks(ordersInPeriod, MARK_CHUNK, chunk -> statuses.markOrders(period, chunk));
            counted.shipments(shipmentVerdicts);
            counted.orders(ordersInPeriod);

            // on both cores, once marking is done: marking writes a row for the few flagged records only, and the
            // figures took the helper several times as long as the marking beside them (docs/operations.md "Database")
            progress.phase("computing figures", 0);
            List<MeasuredFigure> computed = new FigureCalculator(jurisdiction, snapshot).compute(period, shipmentVerdicts,
                    verdicts.orders(), verdicts.links(), new SecondCore(helper));
            return publish(period, computed, counted, progress);
        });
    }

    /**
     * The close of a period too large for the heap: its parcels screened, marked and counted into the figures a slice
     * at a time ({@link SlicedScreening}), the same verdicts and figures as {@link #closeWithin}, in one transaction.
     */
    private CloseSummary closeSliced(Period period, long started, CloseProgress progress, RecordSource bounded) {
        return closeLocked(period, started, progress, (snapshot, counted) -> {
            FigureCalculator.Running figuring = new FigureCalculator(jurisdiction, snapshot).running(period);
            statuses.reopen(period);
            SlicedScreening.Held held = new SlicedScreening(jurisdiction, snapshot, verification.rules().thresholds(),
                    SourceTrust.resolve(verification, definitions), new SecondCore(helper)).screen(period, bounded, reviews,
                    (parcels, links) -> {
                        statuses.markShipments(period, parcels);
                        figuring.parcels(parcels, Map.of(), links);
                        counted.shipments(parcels);
                        progress.advanced(parcels.size());
                    }, new PeriodScreening.Steps() {
                        @Override
                        public void step(String name) {
                            progress.phase(name, 0);
                        }

                        @Override
                        public void step(String name, long units) {
                            progress.phase(name, units); // the slices' parcels advance it
                        }
                    });
            List<OrderVerdict> ordersInPeriod = held.ordersPaidIn(period);
            progress.phase("marking statuses", held.parcels().size() + ordersInPeriod.size());
            progress.inChunks(held.parcels(), MARK_CHUNK, chunk -> statuses.markShipments(period, chunk));
            progress.inChunks(ordersInPeriod, MARK_CHUNK, chunk -> statuses.markOrders(period, chunk));
            counted.shipments(held.parcels());
            counted.orders(ordersInPeriod);
            progress.phase("computing figures", 0);
            figuring.parcels(held.parcels(), held.orders(), held.links());
            return publish(period, figuring.figures(held.orders(), new SecondCore(helper)), counted, progress);
        });
    }

    /**
     * A close's work, holding the write lock in one transaction, given the registry as it is and what counts the
     * verdicts it marks; logged and told to the observer once committed.
     */
    private CloseSummary closeLocked(Period period, long started, CloseProgress progress,
                                     java.util.function.BiFunction<RegistrySnapshot, Counted, CloseSummary> work) {
        CloseObserver.Close observed = observer.begin(period);
        progress.phase("waiting for the write lock", 0);
        CloseSummary summary = writeLock.queued(() -> transactions.execute(tx -> {
            writeLock.acquire();
            progress.phase("reading the registry", 0);
            return work.apply(new RegistrySnapshot(registry.all(), jurisdiction), new Counted(observed));
        }));
        return closed(period, started, summary, observed);
    }

    /** What both closes do with their figures, inside their transaction: recorded, awarded, queued, summed up. */
    private CloseSummary publish(Period period, List<MeasuredFigure> computed, Counted counted, CloseProgress progress) {
        progress.phase("recording figures", computed.size());
        List<PublishedFigure> revisedFigures = Revisions.of(period.toString(),
                figures.find(period.toString(), null, null), computed);
        figures.record(period.toString(), revisedFigures);
        List<PublishedFigure> current = figures.find(period.toString(), null, null);
        progress.phase("computing award lines", current.size());
        AwardCalculator.Awards computedAwards = awardCalculator.awards(period, current);
        List<PublishedAwardLine> revisedAwards = awards.publish(period.toString(), computedAwards.lines());
        progress.advanced(current.size());
        progress.phase("queueing for the award system", revisedFigures.size() + revisedAwards.size());
        int queued = outbox.enqueue(DeliveryKind.FIGURES, period.toString(), figureJson.items(revisedFigures));
        queued += outbox.enqueue(DeliveryKind.AWARDS, period.toString(), revisedAwards);
        progress.advanced(revisedFigures.size() + revisedAwards.size());
        CloseSummary s = new CloseSummary(period.toString(), counted.shipments.byStatus(), counted.orders.byStatus(),
                CloseCounts.topReasons(counted.reasons, TOP_REASONS),
                (int) current.stream().filter(f -> f.figure().evidence().counted() > 0).count(),
                revisedFigures.size(), awards.find(period.toString(), null, null).size(), revisedAwards.size(), queued,
                computedAwards.notComputable());
        closes.record(s);
        return s;
    }

    private CloseSummary closed(Period period, long started, CloseSummary summary, CloseObserver.Close observed) {
        log.info("closed {} in {} ms: {} figures ({} new or revised), {} award lines, {} batches queued", period,
                (System.nanoTime() - started) / 1_000_000, summary.figures(), summary.figuresRevised(),
                summary.awardLines(), summary.deliveriesQueued());
        observed.committed(Duration.ofNanos(System.nanoTime() - started));
        return summary;
    }

    /** The close's reply's counts and the meters', told each list of marked verdicts once. */
    private static final class Counted {
        final Map<String, Integer> reasons = new HashMap<>();
        final CloseCounts.Tally<ShipmentVerdict> shipments = new CloseCounts.Tally<>(ShipmentVerdict::status,
                v -> v.stored().duplicates(), ShipmentVerdict::reasons, reasons);
        final CloseCounts.Tally<OrderVerdict> orders = new CloseCounts.Tally<>(OrderVerdict::status,
                v -> v.stored().duplicates(), OrderVerdict::reasons, reasons);
        private final CloseObserver.Close observed;

        Counted(CloseObserver.Close observed) {
            this.observed = observed;
        }

        void shipments(List<ShipmentVerdict> marked) {
            shipments.add(marked);
            observed.shipments(marked);
        }

        void orders(List<OrderVerdict> marked) {
            orders.add(marked);
            observed.orders(marked);
        }
    }

    @PreDestroy
    void stop() {
        helper.shutdownNow();
    }
}
