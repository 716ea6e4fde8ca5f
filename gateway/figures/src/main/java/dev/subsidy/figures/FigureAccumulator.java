package dev.subsidy.figures;

import dev.subsidy.model.Evidence;
import dev.subsidy.model.Metric;
import dev.subsidy.model.RecordStatus;
import dev.subsidy.model.Subject;
import dev.subsidy.model.Unit;
import dev.subsidy.verification.SecondCore;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
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
    private final Map<String, SubjectTallies> tallies = new HashMap<>();

    void add(Subject subject, Metric metric, RecordStatus status, String naturalKey, BigDecimal amount,
             int duplicates, Collection<String> connectors) {
        of(subject).add(metric, status, naturalKey, amount, duplicates, connectors);
    }

    /**
     * One subject's tallies, to add a record to several of its figures: an order counts in three to six of its
     * seller's, and finding the seller among a close's 100,000 subjects once per figure was a tenth of computing
     * them.
     */
    SubjectTallies of(Subject subject) {
        return tallies.computeIfAbsent(subject.id(), k -> new SubjectTallies(subject));
    }

    /** A subject's tally of each metric, made when a record first counts in it. */
    static final class SubjectTallies {
        private static final Metric[] METRICS = Metric.values();
        private final Subject subject;
        private final Tally[] byMetric = new Tally[METRICS.length];

        private SubjectTallies(Subject subject) {
            this.subject = subject;
        }

        void add(Metric metric, RecordStatus status, String naturalKey, BigDecimal amount, int duplicates,
                 Collection<String> connectors) {
            Tally t = tally(metric);
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

        private Tally tally(Metric metric) {
            Tally t = byMetric[metric.ordinal()];
            if (t == null) {
                t = new Tally(subject, metric);
                byMetric[metric.ordinal()] = t;
            }
            return t;
        }
    }

    /**
     * Adds what {@code later} collected after what this holds, figure by figure: as if its records had been added
     * here after these.
     */
    void add(FigureAccumulator later) {
        later.tallies.forEach((subject, byMetric) -> {
            SubjectTallies into = tallies.computeIfAbsent(subject, k -> new SubjectTallies(byMetric.subject));
            for (Tally t : byMetric.byMetric) {
                if (t != null) {
                    into.tally(t.metric).take(t);
                }
            }
        });
    }

    List<MeasuredFigure> figures(String period) {
        return figures(period, SecondCore.NONE);
    }

    /** Every figure, each one's keys sorted and digested on whichever of the two threads is free. */
    List<MeasuredFigure> figures(String period, SecondCore cores) {
        List<Tally> all = tallies.values().stream().flatMap(m -> Arrays.stream(m.byMetric)).filter(t -> t != null)
                .toList();
        List<MeasuredFigure> out = new ArrayList<>(cores.map(all, t -> t.figure(period)));
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

        MeasuredFigure figure(String period) {
            // the keys in their sorted order are the digest's order: hashed and handed on as they are
            List<String> distinct = distinctKeys();
            String value = metric.unit() == Unit.CNY ? amount.setScale(2).toPlainString() : Integer.toString(distinct.size());
            Evidence evidence = new Evidence(distinct.size(), suspect, rejected, duplicate, List.copyOf(connectors),
                    Digest.ofSorted(distinct));
            return new MeasuredFigure(MeasuredFigure.idOf(subject.id(), metric, period), subject.type(), subject.id(),
                    subject.name(), metric, period, value, evidence, distinct);
        }

        /** {@code later}'s records after these. */
        void take(Tally later) {
            if (sales != null) {
                sales.addAll(later.sales);
            } else {
                keys.addAll(later.keys);
            }
            connectors.addAll(later.connectors);
            suspect += later.suspect;
            rejected += later.rejected;
            duplicate += later.duplicate;
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
                amount = BigDecimal.ZERO; // summed again whenever asked: the figure is the same
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
