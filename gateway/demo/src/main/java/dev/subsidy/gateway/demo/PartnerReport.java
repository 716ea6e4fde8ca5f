package dev.subsidy.gateway.demo;

import com.fasterxml.jackson.databind.JsonNode;
import dev.subsidy.simulators.markets.MarketSimulator;
import java.util.List;

/**
 * What the partner paths of a demo run did and saw: the ZTO pushes and the gateway's answers, the
 * J&amp;T file's fate, each marketplace read through its simulator, and the connectors as
 * {@code GET /api/v1/connectors} lists them at the end.
 */
record PartnerReport(ZtoPushes zto, FileDrop file, List<Pull> pulls, List<JsonNode> connectors) {

    PartnerReport {
        pulls = List.copyOf(pulls);
        connectors = List.copyOf(connectors);
    }

    /**
     * @param waybills waybill records in the pushes ZTO sent once (both rounds)
     * @param resentWaybills those in the push ZTO sent again after a time-out
     * @param acknowledged pushes answered with ZTO's acknowledgement ({@code "status": true})
     * @param wrongSignature the gateway's answer to a push signed with another secret: status and body
     * @param forgedStored whether the waybill only that push named was stored anyway
     */
    record ZtoPushes(int pushes, int waybills, int events, int resentWaybills, int acknowledged,
                     int wrongSignatureStatus, String wrongSignature, boolean forgedStored) {}

    /**
     * @param outcome {@code done}, {@code failed}, or {@code inbox} when it was not taken in time
     * @param report the lines of {@code <file>.errors.csv} after its header (failed only)
     */
    record FileDrop(String file, int rows, int brokenRows, int bytes, String outcome, List<String> report,
                    long millis) {

        FileDrop {
            report = List.copyOf(report);
        }
    }

    /**
     * One marketplace: whether its connector read through to the present, and what the simulator saw.
     *
     * @param platform the platform as the summary names it
     * @param signature how its calls are signed, as the summary names it
     */
    record Pull(String connector, String platform, String signature, boolean readThrough, long millis,
                MarketSimulator.Report simulator) {}

    /** The connector as listed, or null. */
    JsonNode connector(String id) {
        return connectors.stream().filter(c -> id.equals(c.path("id").asText())).findFirst().orElse(null);
    }
}
