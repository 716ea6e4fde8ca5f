package dev.subsidy.gateway.period;

import dev.subsidy.model.RecordStatus;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToIntFunction;
import java.util.stream.Collectors;

/**
 * What a close's reply counts of its records ({@link CloseSummary}): each list of verdicts walked once, where the
 * reply walked a close's ten million verdicts six times, each walk waiting on memory for every verdict.
 */
final class CloseCounts {

    private CloseCounts() {}

    /**
     * The verdicts by status (VERIFIED, SUSPECT, REJECTED), then the duplicates received of them all, with each
     * reason they give added to {@code reasons}.
     */
    static <V> Map<String, Integer> byStatus(List<V> verdicts, Function<V, RecordStatus> status,
                                                    ToIntFunction<V> duplicates, Function<V, List<String>> reasonsOf,
                                                    Map<String, Integer> reasons) {
        Tally<V> tally = new Tally<>(status, duplicates, reasonsOf, reasons);
        tally.add(verdicts);
        return tally.byStatus();
    }

    /** {@link #byStatus} of verdicts added a list at a time: a close of a period too large to hold lets each go. */
    static final class Tally<V> {
        private final Function<V, RecordStatus> status;
        private final ToIntFunction<V> duplicates;
        private final Function<V, List<String>> reasonsOf;
        private final Map<String, Integer> reasons;
        private final int[] byStatus = new int[RecordStatus.values().length];
        private int received;

        Tally(Function<V, RecordStatus> status, ToIntFunction<V> duplicates, Function<V, List<String>> reasonsOf,
              Map<String, Integer> reasons) {
            this.status = status;
            this.duplicates = duplicates;
            this.reasonsOf = reasonsOf;
            this.reasons = reasons;
        }

        void add(List<V> verdicts) {
            for (V v : verdicts) {
                byStatus[status.apply(v).ordinal()]++;
                received += duplicates.applyAsInt(v);
                for (String reason : reasonsOf.apply(v)) {
                    reasons.merge(reason, 1, Integer::sum);
                }
            }
        }

        Map<String, Integer> byStatus() {
            Map<String, Integer> counts = new LinkedHashMap<>();
            for (RecordStatus s : List.of(RecordStatus.VERIFIED, RecordStatus.SUSPECT, RecordStatus.REJECTED)) {
                counts.put(s.name(), byStatus[s.ordinal()]);
            }
            counts.put(RecordStatus.DUPLICATE.name(), received);
            return counts;
        }
    }

    /** The {@code most} most given reasons, most first, then by their text. */
    static Map<String, Integer> topReasons(Map<String, Integer> counts, int most) {
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(most)
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, LinkedHashMap::new));
    }
}
