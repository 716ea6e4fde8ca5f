package dev.subsidy.gateway.tracecheck;

import com.fasterxml.jackson.databind.JsonNode;
import dev.subsidy.connector.api.ConnectorException;
import dev.subsidy.connector.partners.carriers.query.TraceLookup;
import dev.subsidy.connector.partners.carriers.query.TraceLookup.Answer;
import dev.subsidy.gateway.storage.registry.RegistryStore;
import dev.subsidy.gateway.storage.tracecheck.TraceCheckStore;
import dev.subsidy.gateway.storage.tracecheck.TraceCheckStore.Parcel;
import dev.subsidy.model.Carrier;
import dev.subsidy.model.Period;
import dev.subsidy.runtime.ConnectorInstance;
import dev.subsidy.runtime.definition.ConnectorDefinition;
import dev.subsidy.runtime.mapping.MappedRecord;
import dev.subsidy.runtime.mapping.RecordMapper;
import dev.subsidy.verification.Jurisdiction;
import dev.subsidy.verification.RegistrySnapshot;
import dev.subsidy.verification.TraceCheck;
import dev.subsidy.verification.TraceCheck.Outcome;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.web.server.ResponseStatusException;

/**
 * Trace verification of a period (docs/verification.md "Trace verification"): chooses the claimed
 * e-commerce parcels not checked yet, asks each carrier through its {@code trace-query} connector (the
 * connector's transport, so its {@code rateLimit} holds), maps each answer with the connector's mapping
 * as a pulled record is mapped, compares it with the feed and keeps the check. Runs outside any close
 * transaction, a transaction per chunk of answers, so a long run keeps what it learnt. A carrier error
 * leaves the parcel unchecked, never suspect. One run at a time.
 */
@Service
class TraceChecker {

    private static final Logger log = LoggerFactory.getLogger(TraceChecker.class);
    /** Parcels asked and stored together. */
    private static final int CHUNK = 100;

    private final TraceCheckStore store;
    private final CarrierConnectors connectors;
    private final RecordMapper mapper;
    private final RegistryStore registry;
    private final Jurisdiction jurisdiction;
    private final TraceCheckProperties settings;
    private final Clock clock;
    private final ReentrantLock running = new ReentrantLock();

    TraceChecker(TraceCheckStore store, CarrierConnectors connectors, RecordMapper mapper, RegistryStore registry,
                 Jurisdiction jurisdiction, TraceCheckProperties settings, Clock clock) {
        this.store = store;
        this.connectors = connectors;
        this.mapper = mapper;
        this.registry = registry;
        this.jurisdiction = jurisdiction;
        this.settings = settings;
        this.clock = clock;
    }

    TraceCheckSummary run(Period period) {
        if (!settings.enabled()) {
            throw new ResponseStatusException(HttpStatus.CONFLICT,
                    "trace checks are switched off (gateway.verification.trace-check.enabled=false)");
        }
        if (!running.tryLock()) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, "trace checks are running already; try again when they end");
        }
        try {
            return check(period);
        } finally {
            running.unlock();
        }
    }

    private TraceCheckSummary check(Period period) {
        List<Parcel> eligible = store.ecommerceParcels(period);
        List<Parcel> sampled = new TraceSample(settings.allBelow(), settings.share()).choose(eligible, Parcel::naturalKey);
        Map<Carrier, List<Parcel>> byCarrier = new EnumMap<>(Carrier.class);
        sampled.stream().filter(p -> !p.checked()).forEach(p -> byCarrier.computeIfAbsent(p.carrier(), c -> new ArrayList<>()).add(p));
        Tally tally = new Tally(settings.maxFailuresListed());
        TraceComparison comparison = new TraceComparison(jurisdiction, new RegistrySnapshot(registry.all(), jurisdiction),
                settings.collectionTolerance());
        for (Map.Entry<Carrier, List<Parcel>> entry : byCarrier.entrySet()) {
            List<Parcel> parcels = entry.getValue();
            tally.selected += parcels.size();
            ConnectorInstance instance = connectors.forCarrier(entry.getKey()).orElse(null);
            if (instance == null) {
                tally.unchecked += parcels.size();
                tally.uncheckedCarriers.put(entry.getKey().name(), connectors.whyNone(entry.getKey()));
                continue;
            }
            checkCarrier(instance, parcels, comparison, tally);
        }
        log.info("trace checks of {}: {} eligible, {} sampled, {} asked: {} confirmed, {} unknown, {} contradict, "
                + "{} without connector, {} failed", period, eligible.size(), sampled.size(), tally.selected, tally.confirmed,
                tally.unknown, tally.contradicts, tally.unchecked, tally.failed);
        int alreadyChecked = (int) sampled.stream().filter(Parcel::checked).count();
        return new TraceCheckSummary(period.toString(), eligible.size(), sampled.size(), alreadyChecked, tally.selected,
                tally.confirmed + tally.unknown + tally.contradicts, tally.confirmed, tally.unknown, tally.contradicts,
                tally.unchecked, tally.failed, tally.uncheckedCarriers, tally.failures);
    }

    private void checkCarrier(ConnectorInstance instance, List<Parcel> parcels, TraceComparison comparison, Tally tally) {
        TraceLookup lookup;
        try {
            lookup = TraceLookup.of(instance.context().orElseThrow(), () -> false);
        } catch (ConnectorException e) {
            parcels.forEach(p -> tally.fail(p, instance.id(), e.getMessage()));
            return;
        }
        for (int from = 0; from < parcels.size(); from += CHUNK) {
            List<Parcel> chunk = parcels.subList(from, Math.min(from + CHUNK, parcels.size()));
            List<Answer> answers;
            try {
                answers = lookup.lookup(chunk.stream().map(Parcel::waybillNo).toList());
            } catch (InterruptedException e) {
                // the connector was stopped (replaced, shut down) while waiting: what is left stays unchecked
                parcels.subList(from, parcels.size()).forEach(p -> tally.fail(p, instance.id(), "not asked: " + e.getMessage()));
                return;
            }
            List<TraceCheck> checks = new ArrayList<>();
            for (int i = 0; i < chunk.size(); i++) {
                judge(instance, chunk.get(i), answers.get(i), comparison, tally).ifPresent(checks::add);
            }
            store.save(checks);
        }
    }

    /** The check the answer makes, or empty when it is a failure (counted in the tally). */
    private Optional<TraceCheck> judge(ConnectorInstance instance, Parcel parcel, Answer answer,
                                                 TraceComparison comparison, Tally tally) {
        String connector = instance.id();
        TraceComparison.Verdict verdict;
        if (answer instanceof Answer.Failed f) {
            tally.fail(parcel, connector, f.message());
            return Optional.empty();
        } else if (answer instanceof Answer.Unknown u) {
            verdict = new TraceComparison.Verdict(Outcome.UNKNOWN, "the carrier's trace query knows no scan of waybill " + u.waybill());
        } else {
            try {
                verdict = mapped(instance.definition(), parcel, (Answer.Traced) answer, comparison);
            } catch (IllegalArgumentException e) {
                tally.fail(parcel, connector, e.getMessage());
                return Optional.empty();
            }
        }
        tally.count(verdict.outcome());
        return Optional.of(new TraceCheck(parcel.naturalKey(), verdict.outcome(), verdict.detail(), clock.instant(), connector));
    }

    /**
     * The carrier's trace through the connector's mapping, compared. A mapping that refuses the trace for
     * want of a collection scan says the trace contradicts the feed; any other refusal is a failure.
     */
    private TraceComparison.Verdict mapped(ConnectorDefinition definition, Parcel parcel, Answer.Traced traced,
                                           TraceComparison comparison) {
        String mapping = definition.effectiveMapping();
        List<MappedRecord> records = mapper.map(mapping, definition.mappingParams(), List.of(traced.trace()));
        JsonNode shipment = null;
        for (MappedRecord r : records) {
            if (r instanceof MappedRecord.Rejected rejected) {
                if (rejected.reason().contains("no collection scan")) {
                    return TraceComparison.noCollection(rejected.reason());
                }
                throw new IllegalArgumentException("the carrier's trace could not be read by mapping '" + mapping + "': "
                        + rejected.reason());
            }
            JsonNode standard = ((MappedRecord.Standard) r).record();
            if (shipment == null || parcel.waybillNo().equalsIgnoreCase(standard.path("waybillNo").asText())) {
                shipment = standard;
            }
        }
        if (shipment == null) {
            return new TraceComparison.Verdict(Outcome.UNKNOWN, "the carrier's trace of waybill " + parcel.waybillNo()
                    + " has no scan mapping '" + mapping + "' keeps");
        }
        if (!"shipment".equals(shipment.path("kind").asText())) {
            throw new IllegalArgumentException("mapping '" + mapping + "' gives no shipment of the carrier's trace: is it a "
                    + "trace mapping?");
        }
        return comparison.compare(parcel, shipment);
    }

    /** The counts of one run. Not shared between threads. */
    private static final class Tally {
        private final int maxListed;
        int selected;
        int confirmed;
        int unknown;
        int contradicts;
        int unchecked;
        int failed;
        final Map<String, String> uncheckedCarriers = new TreeMap<>();
        final List<TraceCheckSummary.Failure> failures = new ArrayList<>();

        Tally(int maxListed) {
            this.maxListed = maxListed;
        }

        void count(Outcome outcome) {
            switch (outcome) {
                case CONFIRMED -> confirmed++;
                case UNKNOWN -> unknown++;
                case CONTRADICTS -> contradicts++;
            }
        }

        void fail(Parcel parcel, String connector, String reason) {
            failed++;
            if (failures.size() < maxListed) {
                failures.add(new TraceCheckSummary.Failure(parcel.naturalKey(), connector, reason));
            }
        }
    }
}
