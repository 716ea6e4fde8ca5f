package dev.subsidy.gateway.period;

import static org.assertj.core.api.Assertions.assertThat;

import dev.subsidy.model.RecordStatus;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A close's reply counts its records by status, their duplicates and their reasons, each list walked once. */
class CloseCountsTest {

    private record Verdict(RecordStatus status, int duplicates, List<String> reasons) {}

    @Test
    void recordsAreCountedByStatusWithTheDuplicatesOfAllAndTheirReasonsMostGivenFirst() {
        Map<String, Integer> reasons = new HashMap<>();
        List<Verdict> parcels = List.of(new Verdict(RecordStatus.VERIFIED, 2, List.of()),
                new Verdict(RecordStatus.VERIFIED, 0, List.of()),
                new Verdict(RecordStatus.SUSPECT, 1, List.of("b: unattributable", "a: place")),
                new Verdict(RecordStatus.REJECTED, 0, List.of("c: outside")),
                new Verdict(RecordStatus.SUSPECT, 0, List.of("b: unattributable")));
        List<Verdict> orders = List.of(new Verdict(RecordStatus.REJECTED, 3, List.of("c: outside", "d: shop")));

        Map<String, Integer> byStatus = CloseCounts.byStatus(parcels, Verdict::status, Verdict::duplicates,
                Verdict::reasons, reasons);
        Map<String, Integer> ordersByStatus = CloseCounts.byStatus(orders, Verdict::status, Verdict::duplicates,
                Verdict::reasons, reasons);

        assertThat(byStatus).containsExactly(Map.entry("VERIFIED", 2), Map.entry("SUSPECT", 2),
                Map.entry("REJECTED", 1), Map.entry("DUPLICATE", 3));
        assertThat(ordersByStatus).containsExactly(Map.entry("VERIFIED", 0), Map.entry("SUSPECT", 0),
                Map.entry("REJECTED", 1), Map.entry("DUPLICATE", 3));
        // two twice, then the ones given once by their text; only the most given kept
        assertThat(CloseCounts.topReasons(reasons, 3)).containsExactly(Map.entry("b: unattributable", 2),
                Map.entry("c: outside", 2), Map.entry("a: place", 1));
    }
}
