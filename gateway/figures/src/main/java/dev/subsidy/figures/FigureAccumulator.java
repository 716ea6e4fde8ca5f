package dev.subsidy.figures;

import dev.subsidy.model.Evidence;
import dev.subsidy.model.Metric;
import dev.subsidy.model.RecordStatus;
import dev.subsidy.model.Subject;
import dev.subsidy.model.Unit;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Collects, per (subject, metric), the records in scope: counted ones (VERIFIED) with their keys
 * and amounts, and the ones left out as SUSPECT or REJECTED; duplicates received for any of them.
 */
final class FigureAccumulator {

    /** By subject id, then metric: no key string built per record. */
    private final Map<String, Map<Metric, Tally>> tallies = new HashMap<>();

    void add(Subject subject, Metric metric, RecordStatus status, String naturalKey, BigDecimal amount,
             int duplicates, Collection<String> connectors) {
        Tally t = tallies.computeIfAbsent(subject.id(), k -> new EnumMap<>(Metric.class))
                .computeIfAbsent(metric, k -> new Tally(subject, metric));
        t.duplicate += duplicates;
        switch (status) {
            case VERIFIED -> {
                t.add(naturalKey, amount);
                // records read in one close share one list per distinct connector set: added once, not per record
                if (connectors != t.lastConnectors) {
                    t.connectors.addAll(connectors);
                    t.lastConnectors = connectors;
                }
            }
            case SUSPECT -> t.suspect++;
            case REJECTED -> t.rejected++;
            // the same parcel reported in another form (waybill.same-parcel): a duplicate received
            case DUPLICATE -> t.duplicate++;
            default -> { }
        }
    }

    List<MeasuredFigure> figures(String period) {
        List<MeasuredFigure> out = new ArrayList<>();
        for (Tally t : tallies.values().stream().flatMap(m -> m.values().stream()).toList()) {
            // the keys in their sorted order are the digest's order: hashed and handed on as they are
            List<String> keys = t.distinctKeys();
            String value = t.metric.unit() == Unit.CNY ? t.amount.setScale(2).toPlainString()
                    : Integer.toString(keys.size());
            Evidence evidence = new Evidence(keys.size(), t.suspect, t.rejected, t.duplicate,
                    List.copyOf(t.connectors), Digest.ofSorted(keys));
            out.add(new MeasuredFigure(MeasuredFigure.idOf(t.subject.id(), t.metric, period), t.subject.type(), t.subject.id(),
                    t.subject.name(), t.metric, period, value, evidence, keys));
        }
        out.sort(java.util.Comparator.comparing(MeasuredFigure::figureId));
        return out;
    }

    /**
     * One figure's tally. Its keys are kept as they come and sorted once at the end: a sorted set per figure cost a
     * third of computing a million records' figures, its inserts in no order (orders come as the database gives them).
     */
    private static final class Tally {
        final Subject subject;
        final Metric metric;
        /** a count's keys */
        final List<String> keys;
        /** a figure in CNY: each key with its amount */
        final List<Sale> sales;
        final TreeSet<String> connectors = new TreeSet<>();
        Collection<String> lastConnectors;
        BigDecimal amount = BigDecimal.ZERO;
        int suspect;
        int rejected;
        int duplicate;

        private record Sale(String key, BigDecimal amount) {}

        Tally(Subject subject, Metric metric) {
            this.subject = subject;
            this.metric = metric;
            boolean cny = metric.unit() == Unit.CNY;
            this.keys = cny ? null : new ArrayList<>();
            this.sales = cny ? new ArrayList<>() : null;
        }

        void add(String key, BigDecimal amount) {
            if (sales != null) {
                sales.add(new Sale(key, amount == null ? BigDecimal.ZERO : amount));
            } else {
                keys.add(key);
            }
        }

        /**
         * The keys sorted, each once, and {@link #amount} the sum of one amount per key: as a set of keys would give
         * them. The sort is stable, so of a key added twice the first amount counts.
         */
        List<String> distinctKeys() {
            List<String> distinct = new ArrayList<>(sales != null ? sales.size() : keys.size());
            if (sales != null) {
                sales.sort(Comparator.comparing(Sale::key));
                for (Sale sale : sales) {
                    if (distinct.isEmpty() || !distinct.get(distinct.size() - 1).equals(sale.key())) {
                        distinct.add(sale.key());
                        amount = amount.add(sale.amount());
                    }
                }
            } else {
                keys.sort(null);
                for (String key : keys) {
                    if (distinct.isEmpty() || !distinct.get(distinct.size() - 1).equals(key)) {
                        distinct.add(key);
                    }
                }
            }
            return List.copyOf(distinct);
        }
    }
}
