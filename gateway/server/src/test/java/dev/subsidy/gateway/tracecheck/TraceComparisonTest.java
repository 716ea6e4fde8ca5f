package dev.subsidy.gateway.tracecheck;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.subsidy.gateway.storage.tracecheck.TraceCheckStore.Parcel;
import dev.subsidy.model.Carrier;
import dev.subsidy.verification.Jurisdiction;
import dev.subsidy.verification.RegistrySnapshot;
import dev.subsidy.verification.TraceCheck.Outcome;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class TraceComparisonTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Jurisdiction CONGJIANG = new Jurisdiction("从江县", List.of("522633"));
    private final TraceComparison comparison = new TraceComparison(CONGJIANG, new RegistrySnapshot(List.of(), CONGJIANG),
            Duration.ofHours(24));

    private static Parcel feed(String collectedAt, String originRegion) {
        return new Parcel("ZTO:731234567890301", Carrier.ZTO, "731234567890301", Instant.parse(collectedAt), originRegion,
                "CJ-01", false);
    }

    private static JsonNode carrier(String json) throws Exception {
        return JSON.readTree(json);
    }

    @Test
    void aTraceCollectedWhenAndWhereTheFeedSaysConfirmsIt() throws Exception {
        TraceComparison.Verdict v = comparison.compare(feed("2026-03-01T08:45:00Z", "522633"), carrier("""
            {"kind": "shipment", "collectedAt": "2026-03-01T16:45:00+08:00", "originSite": "CJ-01",
             "scans": [{"type": "COLLECT", "at": "2026-03-01T16:45:00+08:00", "region": "522600"}]}"""));
        assertThat(v.outcome()).as("a prefecture's code that contains the county is not elsewhere").isEqualTo(Outcome.CONFIRMED);
        assertThat(v.detail()).contains("2026-03-01 16:45", "522600");
    }

    @Test
    void aCollectionMoreThanTheToleranceAwayContradictsTheFeed() throws Exception {
        TraceComparison.Verdict v = comparison.compare(feed("2026-03-02T09:00:00Z", "522633"), carrier("""
            {"kind": "shipment", "collectedAt": "2026-03-01T16:45:00+08:00", "originRegion": "522633"}"""));
        assertThat(v.outcome()).isEqualTo(Outcome.CONTRADICTS);
        assertThat(v.detail()).contains("2026-03-01 16:45", "2026-03-02 17:00", "24 h 15 min apart", "more than 24 h");
    }

    @Test
    void aCollectionOutsideTheJurisdictionContradictsAFeedThatPlacesItInside() throws Exception {
        TraceComparison.Verdict v = comparison.compare(feed("2026-03-01T08:45:00Z", "522633"), carrier("""
            {"kind": "shipment", "collectedAt": "2026-03-01T16:45:00+08:00", "originRegion": "440106"}"""));
        assertThat(v.outcome()).isEqualTo(Outcome.CONTRADICTS);
        assertThat(v.detail()).contains("440106", "outside 从江县", "522633, inside");

        TraceComparison.Verdict inbound = comparison.compare(feed("2026-03-01T08:45:00Z", "440106"), carrier("""
            {"kind": "shipment", "collectedAt": "2026-03-01T16:45:00+08:00", "originRegion": "440106"}"""));
        assertThat(inbound.outcome()).as("the feed itself says it was collected outside").isEqualTo(Outcome.CONFIRMED);
    }

    @Test
    void aTraceWithoutCollectionContradictsTheFeed() throws Exception {
        TraceComparison.Verdict v = comparison.compare(feed("2026-03-01T08:45:00Z", "522633"), carrier("""
            {"kind": "shipment", "originRegion": "522633"}"""));
        assertThat(v.outcome()).isEqualTo(Outcome.CONTRADICTS);
        assertThat(v.detail()).contains("no collection scan");
    }
}
