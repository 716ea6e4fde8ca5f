package dev.subsidy.figures;

import dev.subsidy.model.Evidence;
import dev.subsidy.model.Metric;
import dev.subsidy.model.RecordStatus;
import dev.subsidy.model.SalesOrder;
import dev.subsidy.model.Shipment;
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
    /** Where counts hold their keys as bytes ({@link CompactKeys}) rather than by the records; null where they do not. */
    private final KeyBytes keyBytes;

    FigureAccumulator() {
        this(false);
    }

    /**
     * @param compact whether each count holds its keys as bytes, not by the records they are made from: for records
     *     let go once counted (a period screened a slice at a time), which holding them would keep in the heap
     */
    FigureAccumulator(boolean compact) {
        this.keyBytes = compact ? new KeyBytes() : null;
    }

    /** @param naturalKey the key's text, or the parcel or order it is made from ({@link CountedKeys}) */
    void add(Subject subject, Metric metric, RecordStatus status, Object naturalKey, BigDecimal amount,
             int duplicates, Collection<String> connectors) {
        of(subject).add(metric, status, naturalKey, amount, duplicates, connectors);
    }

    /**
     * One subject's tallies, to add a record to several of its figures: an order counts in three to six of its
     * seller's, and finding the seller among a close's 100,000 subjects once per figure was a tenth of computing
     * them.
     */
    SubjectTallies of(Subject subject) {
        return tallies.computeIfAbsent(subject.id(), k -> new SubjectTallies(subject, keyBytes));
    }

    /** A subject's tally of each metric, made when a record first counts in it. */
    static final class SubjectTallies {
        private static final Metric[] METRICS = Metric.values();
        private final Subject subject;
        private final KeyBytes keyBytes;
        private final Tally[] byMetric = new Tally[METRICS.length];

        private SubjectTallies(Subject subject, KeyBytes keyBytes) {
            this.subject = subject;
            this.keyBytes = keyBytes;
        }

        void add(Metric metric, RecordStatus status, Object naturalKey, BigDecimal amount, int duplicates,
                 Collection<String> connectors) {
            Tally t = counted(metric, status, duplicates, connectors);
            if (t != null) {
                t.add(naturalKey, amount);
            }
        }

        /** As {@link #add(Metric, RecordStatus, Object, BigDecimal, int, Collection)}, the sale made once per order. */
        void add(Metric metric, RecordStatus status, Sale sale, int duplicates, Collection<String> connectors) {
            Tally t = counted(metric, status, duplicates, connectors);
            if (t != null) {
                t.add(sale);
            }
        }

        /** The metric's tally when the record counts in it (VERIFIED), for its key; else null, the record tallied. */
        private Tally counted(Metric metric, RecordStatus status, int duplicates, Collection<String> connectors) {
            Tally t = tally(metric);
            t.duplicate += duplicates;
            switch (status) {
                case VERIFIED -> {
                    // records read in one close share a list per distinct connector set and reading thread: added
                    // when the list is neither of the last two seen, not per record (a close reads its parcels on
                    // two threads, so two lists of one set come in turns; comparing them by content cost as much)
                    if (connectors != t.lastConnectors && connectors != t.otherConnectors) {
                        t.connectors.addAll(connectors);
                        t.otherConnectors = t.lastConnectors;
                        t.lastConnectors = connectors;
                    }
                    return t;
                }
                case SUSPECT -> t.suspect++;
                case REJECTED -> t.rejected++;
                // the same parcel reported in another form (waybill.same-parcel): a duplicate received
                case DUPLICATE -> t.duplicate++;
                default -> { }
            }
            return null;
        }

        private Tally tally(Metric metric) {
            Tally t = byMetric[metric.ordinal()];
            if (t == null) {
                t = new Tally(subject, metric, keyBytes);
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
            SubjectTallies into = tallies.computeIfAbsent(subject, k -> new SubjectTallies(byMetric.subject, keyBytes));
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

    /**
     * Every figure, each one's keys sorted and digested on whichever of the two threads is free: the figures with the
     * most keys first, each a task of its own, so that a company's figure of millions of parcels is not the one left
     * to a single thread at the end while the other has nothing to do.
     */
    List<MeasuredFigure> figures(String period, SecondCore cores) {
        List<Tally> all = new ArrayList<>(tallies.values().stream().flatMap(m -> Arrays.stream(m.byMetric))
                .filter(t -> t != null).toList());
        all.sort(Comparator.comparingInt(Tally::size).reversed());
        MeasuredFigure[] made = new MeasuredFigure[all.size()];
        cores.forEach(all.size(), i -> made[i] = all.get(i).figure(period));
        List<MeasuredFigure> out = new ArrayList<>(Arrays.asList(made));
        out.sort(Comparator.comparing(MeasuredFigure::figureId));
        return out;
    }

    /** A sale's key and amount, made once for the several figures an order counts in. */
    static Sale sale(Object key, BigDecimal amount) {
        return new Sale(key, amount == null ? BigDecimal.ZERO : amount);
    }

    /** @param key the key's text or the order it is made from ({@link CountedKeys}) */
    record Sale(Object key, BigDecimal amount) {}

    /**
     * One figure's tally. Its keys are kept as they come and sorted once at the end: a sorted set per figure cost a
     * third of computing a million records' figures, its inserts in no order (orders come as the database gives them).
     */
    private static final class Tally {
        final Subject subject;
        final Metric metric;
        /** a count's keys, each its text or the parcel or order it is made from ({@link CountedKeys}) */
        final List<Object> keys;
        /** a count's keys as bytes, in place of {@link #keys}, where the records are not held ({@link CompactKeys}) */
        final CompactKeys compactKeys;
        /** a figure in CNY: each key with its amount */
        final List<Sale> sales;
        final TreeSet<String> connectors = new TreeSet<>();
        Collection<String> lastConnectors;
        Collection<String> otherConnectors;
        BigDecimal amount = BigDecimal.ZERO;
        int suspect;
        int rejected;
        int duplicate;

        /** @param keyBytes where a count writes its keys' bytes, or null for a count holding its keys as they come */
        Tally(Subject subject, Metric metric, KeyBytes keyBytes) {
            this.subject = subject;
            this.metric = metric;
            boolean cny = metric.unit() == Unit.CNY;
            this.keys = cny || keyBytes != null ? null : new ArrayList<>();
            this.compactKeys = !cny && keyBytes != null ? new CompactKeys(keyBytes) : null;
            this.sales = cny ? new ArrayList<>() : null;
        }

        /** The records it holds, a key each before duplicates are dropped. */
        int size() {
            return sales != null ? sales.size() : compactKeys != null ? compactKeys.size() : keys.size();
        }

        MeasuredFigure figure(String period) {
            // the keys in their sorted order are the digest's order: made distinct and hashed in one pass
            Digest.Lines lines = new Digest.Lines();
            List<String> distinct = distinctKeys(lines);
            String value = metric.unit() == Unit.CNY ? amount.setScale(2).toPlainString() : Integer.toString(distinct.size());
            Evidence evidence = new Evidence(distinct.size(), suspect, rejected, duplicate, List.copyOf(connectors),
                    lines.digest());
            return new MeasuredFigure(MeasuredFigure.idOf(subject.id(), metric, period), subject.type(), subject.id(),
                    subject.name(), metric, period, value, evidence, distinct);
        }

        /** {@code later}'s records after these. */
        void take(Tally later) {
            if (later.compactKeys != null) {
                throw new IllegalStateException("keys held as bytes are the last tally's, never taken into another");
            }
            if (sales != null) {
                sales.addAll(later.sales);
            } else if (compactKeys != null) {
                later.keys.forEach(this::addKey);
            } else {
                keys.addAll(later.keys);
            }
            connectors.addAll(later.connectors);
            suspect += later.suspect;
            rejected += later.rejected;
            duplicate += later.duplicate;
        }

        void add(Object key, BigDecimal amount) {
            if (sales != null) {
                sales.add(sale(key, amount));
            } else {
                addKey(key);
            }
        }

        private void addKey(Object key) {
            if (compactKeys == null) {
                keys.add(key);
            } else if (key instanceof Shipment parcel) {
                compactKeys.add(parcel, parcel.carrier().name(), parcel.waybillNo());
            } else if (key instanceof SalesOrder order) {
                compactKeys.add(order, order.platform().name(), order.orderId());
            } else {
                compactKeys.add((String) key);
            }
        }

        /** A sale made once for all the figures its order counts in; a count keeps only its key. */
        void add(Sale sale) {
            if (sales != null) {
                sales.add(sale);
            } else {
                addKey(sale.key());
            }
        }

        /**
         * The keys sorted, each once, each given to {@code lines} in that order, and {@link #amount} the sum of one
         * amount per key: as a set of keys would give them. The sort is stable, so of a key added twice the first
         * amount counts. Made distinct where they lie, no copy: a company's figure holds a key per parcel of the
         * period, and each pass over them waits on memory for every key.
         */
        List<String> distinctKeys(Digest.Lines lines) {
            if (sales != null) {
                sales.sort((a, b) -> CountedKeys.compare(a.key(), b.key()));
                amount = BigDecimal.ZERO; // summed again whenever asked: the figure is the same
                int kept = 0;
                Object last = null;
                for (int i = 0; i < sales.size(); i++) {
                    Sale sale = sales.get(i);
                    if (last == null || CountedKeys.compare(last, sale.key()) != 0) {
                        last = sale.key();
                        CountedKeys.addTo(lines, last);
                        amount = amount.add(sale.amount());
                        sales.set(kept++, sale);
                    }
                }
                sales.subList(kept, sales.size()).clear();
                return CountedKeys.texts(sales, sale -> CountedKeys.text(sale.key()));
            }
            if (compactKeys != null) {
                return compactKeys.sortedDistinct(lines);
            }
            keys.sort(CountedKeys::compare);
            int kept = 0;
            Object last = null;
            for (int i = 0; i < keys.size(); i++) {
                Object key = keys.get(i);
                if (last == null || CountedKeys.compare(last, key) != 0) {
                    last = key;
                    CountedKeys.addTo(lines, key);
                    keys.set(kept++, key);
                }
            }
            keys.subList(kept, keys.size()).clear();
            return CountedKeys.texts(keys);
        }
    }
}
