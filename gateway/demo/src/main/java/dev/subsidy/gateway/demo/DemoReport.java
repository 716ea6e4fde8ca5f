package dev.subsidy.gateway.demo;

import com.fasterxml.jackson.databind.JsonNode;
import dev.subsidy.simulators.award.AwardIntakeSimulator;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Everything a demo run did and saw, as the gateway's API and the simulated intake reported it,
 * with the demo's own checks. The {@link SummaryPrinter} turns it into text.
 *
 * @param figures period → its published figures (the API's JSON), in close order
 * @param records natural key → the record as {@code GET /api/v1/records/...} shows it, for the special cases
 */
record DemoReport(
        DemoRun run,
        String gatewayUrl,
        String intakeUrl,
        JsonNode registryReply,
        List<Post> posts,
        PartnerReport partners,
        List<Close> closes,
        Map<String, List<JsonNode>> figures,
        List<JsonNode> awards,
        List<JsonNode> deliveries,
        Map<String, JsonNode> records,
        AwardIntakeSimulator.Report intake,
        List<Check> checks,
        Duration elapsed) {

    /** One feed post and the gateway's receipt ({@code accepted}, {@code duplicates}, {@code rejected}). */
    record Post(int number, FeedPost post, int bytes, boolean late, JsonNode receipt) {}

    /** One period close and the gateway's summary of it. */
    record Close(String period, boolean again, JsonNode summary) {}

    /** One thing the demo expects of the gateway, and what it found. */
    record Check(String what, String expected, String actual) {
        boolean passed() {
            return expected.equals(actual);
        }
    }

    boolean passed() {
        return checks.stream().allMatch(Check::passed);
    }
}
