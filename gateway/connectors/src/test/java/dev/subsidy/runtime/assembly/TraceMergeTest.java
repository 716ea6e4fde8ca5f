package dev.subsidy.runtime.assembly;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TraceMergeTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TraceAssembly ZTO = new TraceAssembly(JsonPointer.compile("/data"), JsonPointer.compile("/billCode"), null, null);
    private static final TraceAssembly SF = new TraceAssembly(JsonPointer.compile("/Body/WaybillRoute"), JsonPointer.compile("/mailno"), null, null);
    private static final TraceAssembly STO = new TraceAssembly(JsonPointer.compile("/traces"), JsonPointer.compile("/waybillNo"),
            JsonPointer.compile("/carrier"), Map.of("not yet", "more"));

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text);
    }

    @Test
    void aFragmentWithItsEventsListNamesItsWaybillFromTheFirstEventAndKeepsItsEnvelope() throws Exception {
        TraceMerge.Fragment f = TraceMerge.read(ZTO, json("""
            {"data": [{"billCode": "75312345678901", "action": "GOT"}, {"billCode": "75312345678901", "action": "DEPARTURE"}]}""")).orElseThrow();
        assertThat(f.waybill()).isEqualTo("75312345678901");
        assertThat(f.carrier()).isEmpty();
        assertThat(f.events()).hasSize(2);
        assertThat(f.envelope()).isNotNull();
    }

    @Test
    void aFragmentWithoutTheListIsOneEvent() throws Exception {
        TraceMerge.Fragment f = TraceMerge.read(ZTO, json("{\"billCode\": \" 75312345678901 \", \"action\": \"SIGNED\"}")).orElseThrow();
        assertThat(f.waybill()).isEqualTo("75312345678901");
        assertThat(f.envelope()).isNull();
        assertThat(f.events()).extracting(e -> e.get("action").asText()).containsExactly("SIGNED");
    }

    @Test
    void theWaybillAndCarrierMayBeInTheEnvelope() throws Exception {
        TraceMerge.Fragment f = TraceMerge.read(STO, json("""
            {"carrier": "STO", "waybillNo": "7700000000001", "traces": [{"scanType": "收件"}]}""")).orElseThrow();
        assertThat(f.waybill()).isEqualTo("7700000000001");
        assertThat(f.carrier()).isEqualTo("STO");
    }

    @Test
    void aFragmentThatCannotBeAssembledIsLeftToTheMapping() throws Exception {
        assertThat(TraceMerge.read(ZTO, json("{\"data\": [{\"action\": \"GOT\"}]}"))).as("no waybill").isEmpty();
        assertThat(TraceMerge.read(ZTO, json("{\"data\": []}"))).as("no event").isEmpty();
        assertThat(TraceMerge.read(ZTO, json("{\"data\": \"x\", \"billCode\": \"1\"}"))).as("events not a list").isEmpty();
        assertThat(TraceMerge.read(ZTO, json("[1]"))).as("not an object").isEmpty();
        assertThat(TraceMerge.read(ZTO, json("""
            {"data": [{"billCode": "A", "action": "GOT"}, {"billCode": "B", "action": "GOT"}]}"""))).as("two waybills").isEmpty();
    }

    @Test
    void anEventsIdentityIgnoresFieldOrderButNotValues() throws Exception {
        String a = TraceMerge.hash(json("{\"billCode\": \"1\", \"action\": \"GOT\", \"site\": {\"x\": 1, \"y\": 2}}"));
        String b = TraceMerge.hash(json("{\"action\": \"GOT\", \"site\": {\"y\": 2, \"x\": 1}, \"billCode\": \"1\"}"));
        String c = TraceMerge.hash(json("{\"billCode\": \"1\", \"action\": \"SIGNED\"}"));
        assertThat(a).isEqualTo(b).hasSize(64).isNotEqualTo(c);
    }

    @Test
    void theUnionKeepsEachEventOnceStoredOnesFirst() throws Exception {
        JsonNode got = json("{\"billCode\": \"1\", \"action\": \"GOT\"}");
        JsonNode signed = json("{\"billCode\": \"1\", \"action\": \"SIGNED\"}");
        JsonNode gotAgain = json("{\"action\": \"GOT\", \"billCode\": \"1\"}");
        assertThat(TraceMerge.union(List.of(got), List.of(signed, gotAgain, signed))).containsExactly(got, signed);
    }

    @Test
    void theMergedFragmentHasTheShapeOfAPushOfAllTheEvents() throws Exception {
        JsonNode got = json("{\"billCode\": \"1\", \"action\": \"GOT\"}");
        JsonNode signed = json("{\"billCode\": \"1\", \"action\": \"SIGNED\"}");
        assertThat(TraceMerge.merged(ZTO, null, List.of(got, signed)))
                .isEqualTo(json("{\"data\": [{\"billCode\": \"1\", \"action\": \"GOT\"}, {\"billCode\": \"1\", \"action\": \"SIGNED\"}]}"));
        // a nested list, its envelope kept from the latest fragment
        assertThat(TraceMerge.merged(SF, (com.fasterxml.jackson.databind.node.ObjectNode) json(
                "{\"Head\": \"h\", \"Body\": {\"WaybillRoute\": [{\"mailno\": \"1\"}], \"other\": 1}}"), List.of(got)))
                .isEqualTo(json("{\"Head\": \"h\", \"Body\": {\"WaybillRoute\": [{\"billCode\": \"1\", \"action\": \"GOT\"}], \"other\": 1}}"));
        assertThat(TraceMerge.merged(SF, null, List.of(got)))
                .isEqualTo(json("{\"Body\": {\"WaybillRoute\": [{\"billCode\": \"1\", \"action\": \"GOT\"}]}}"));
    }

    @Test
    void incompletePhrasesSayWhatTheTraceWaitsFor() {
        assertThat(ZTO.waitingFor("ZTO waybill 1: no destination yet: only a collection scan (mapping zto-trace-push)"))
                .contains("a scan with a destination");
        assertThat(ZTO.waitingFor("ZTO waybill 1: no collection scan (GOT) among its 1 events")).contains("the collection scan");
        assertThat(ZTO.waitingFor("ZTO waybill 1: destination city 'x' names no region")).isEmpty();
        assertThat(STO.waitingFor("no destination yet")).as("its own phrases only").isEmpty();
        assertThat(STO.waitingFor("Not Yet")).contains("more");
    }
}
