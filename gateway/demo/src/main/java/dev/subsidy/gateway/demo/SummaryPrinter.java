package dev.subsidy.gateway.demo;

import com.fasterxml.jackson.databind.JsonNode;
import dev.subsidy.model.Metric;
import dev.subsidy.simulators.award.AwardIntakeSimulator;
import dev.subsidy.simulators.markets.MarketSimulator;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Prints a {@link DemoReport} as a summary a person reads top to bottom. */
final class SummaryPrinter {

    private static final List<String> SUBJECT_ORDER = List.of("EXPRESS_COMPANY", "LOGISTICS_CENTRE", "MERCHANT",
            "STATION", "TOWN");
    private static final int MAX_REASON = 110;

    private final PrintStream out;

    SummaryPrinter(PrintStream out) {
        this.out = out;
    }

    void print(DemoReport report) {
        heading("从江县 (522633) · October 2026 · demo summary");
        records(report);
        connectors(report);
        specialCases(report);
        figures(report);
        deliveries(report);
        intake(report);
        checks(report);
        // last, as issue 5 asks: what the jurisdiction's policy pays, each line with its explanation
        awards(report);
        verdict(report);
    }

    private void records(DemoReport report) {
        DemoReport.Close last = report.closes().stream().filter(c -> c.period().equals(DemoFlow.MONTH))
                .reduce((a, b) -> b).orElseThrow();
        JsonNode summary = last.summary();
        heading("Records of " + DemoFlow.MONTH + " by status (last close; DUPLICATE counts every identical copy)");
        out.println("  shipments  " + statuses(summary.path("shipments")));
        out.println("  orders     " + statuses(summary.path("orders")));
        out.println("  top reasons:");
        TextTable reasons = new TextTable("records>", "reason");
        summary.path("reasons").fields().forEachRemaining(e -> reasons.row(e.getValue().asInt(), cut(e.getKey())));
        print(reasons, "(none)");
        out.println("  rejected at intake (never stored):");
        TextTable rejected = new TextTable("feed>", "index>", "reason");
        for (DemoReport.Post post : report.posts()) {
            for (JsonNode r : post.receipt().path("rejected")) {
                rejected.row(post.number(), r.path("index").asInt(), cut(r.path("reason").asText()));
            }
        }
        print(rejected, "(none)");
    }

    /** How the records arrived: the standard feed's posts and each partner connector, with what it saw. */
    private void connectors(DemoReport report) {
        PartnerReport partners = report.partners();
        heading("Connectors (GET /api/v1/connectors, as the administrator; the built-in standard feed summed from its receipts)");
        TextTable table = new TextTable("connector", "type", "mapping", "state", "records in>", "accepted>",
                "duplicates>", "rejected>", "last error");
        int accepted = 0;
        int duplicates = 0;
        int rejected = 0;
        for (DemoReport.Post p : report.posts()) {
            accepted += p.receipt().path("accepted").asInt();
            duplicates += p.receipt().path("duplicates").asInt();
            rejected += p.receipt().path("rejected").size();
        }
        table.row("standard", "built-in", "(none)", "", accepted + duplicates + rejected, accepted, duplicates, rejected,
                "");
        for (JsonNode c : partners.connectors()) {
            table.row(c.path("id").asText(), c.path("type").asText(), c.path("mapping").asText(""),
                    c.path("state").asText(), c.path("recordsIn").asLong(), c.path("accepted").asLong(),
                    c.path("duplicates").asLong(), c.path("rejected").asLong(), cut(c.path("lastError").asText(""), 60));
        }
        print(table, "(none)");

        PartnerReport.ZtoPushes zto = partners.zto();
        out.printf("  %s: %d signed pushes (x-dataDigest = Base64(MD5(body + app secret))), %,d waybill traces, %,d events"
                + " shuffled within each push; in transit first, then signed (a newer version)%n", PartnerConnectors.ZTO,
                zto.pushes(), zto.waybills(), zto.events());
        out.printf("    one push sent again: %d waybills, all duplicates; one signed with another secret: HTTP %d, %s%n",
                zto.resentWaybills(), zto.wrongSignatureStatus(), zto.forgedStored() ? "STORED" : "nothing stored");
        PartnerReport.FileDrop file = partners.file();
        out.printf("  %s: %s (%,d rows, %,d bytes, GBK, a title line above the Chinese headers), written as .part and"
                + " renamed into the inbox → %s/ after %d ms%n", PartnerConnectors.JT, file.file(), file.rows(),
                file.bytes(), file.outcome(), file.millis());
        if (!file.report().isEmpty()) {
            out.println("    " + file.file() + ".errors.csv (position,reason):");
            file.report().forEach(line -> out.println("      " + cut(line)));
        }
        out.println("  marketplace simulators (each computes the signature itself with MessageDigest and refuses a wrong one):");
        TextTable sims = new TextTable("connector", "platform", "signature", "calls>", "verified>", "refused>",
                "orders held>", "served>", "items served>", "read through");
        for (PartnerReport.Pull pull : partners.pulls()) {
            MarketSimulator.Report r = pull.simulator();
            sims.row(pull.connector(), pull.platform(), pull.signature(), r.requests(), r.signaturesVerified(),
                    r.refusals().size(), r.held(), r.distinctServed(), r.itemsServed(),
                    pull.readThrough() ? "yes, windows up to " + (r.latestWindowEnd() == null ? "?"
                            : r.latestWindowEnd().atOffset(MonthOfFeeds.CST).toLocalDateTime()) : "NO");
        }
        print(sims, "(none)");
        partners.pulls().forEach(p -> p.simulator().refusals().forEach(r -> out.println("  REFUSED " + cut(r))));
    }

    private void specialCases(DemoReport report) {
        heading("Special cases (GET /api/v1/records/{kind}/{key})");
        TextTable table = new TextTable("case", "key", "status", "versions>", "reasons");
        report.records().forEach((label, record) -> {
            if (record == null) {
                table.row(label, "?", "(not found)", "", "");
            } else {
                table.row(label, record.path("key").asText(), record.path("status").asText(),
                        record.path("versions").size(), cut(join(record.path("reasons"))));
            }
        });
        print(table, "(none)");
    }

    private void figures(DemoReport report) {
        List<JsonNode> month = sorted(report.figures().getOrDefault(DemoFlow.MONTH, List.of()));
        heading("Figures of " + DemoFlow.MONTH + " (" + month.size() + ", GET /api/v1/figures as the reader)");
        TextTable table = figureTable();
        month.forEach(f -> figureRow(table, f));
        print(table, "(none)");

        Map<String, JsonNode> byKey = month.stream().collect(Collectors.toMap(SummaryPrinter::key,
                Function.identity(), (a, b) -> a));
        for (String period : List.of(DemoFlow.QUARTER, DemoFlow.YEAR)) {
            List<JsonNode> all = sorted(report.figures().getOrDefault(period, List.of()));
            List<JsonNode> differing = all.stream().filter(f -> !sameAsMonth(f, byKey.get(key(f)))).toList();
            heading("Figures of " + period + " (" + all.size() + "): " + (all.size() - differing.size())
                    + " as in " + DemoFlow.MONTH + ", these differ");
            TextTable diff = figureTable();
            differing.forEach(f -> figureRow(diff, f));
            print(diff, "(none)");
        }
    }

    private void awards(DemoReport report) {
        heading("Award lines (" + report.awards().size() + ", GET /api/v1/awards)");
        TextTable table = new TextTable("policy", "clause", "subject", "period", "amount>", "rev>", "explanation");
        for (JsonNode a : report.awards()) {
            table.row(a.path("policy").asText(), a.path("clause").asText(), a.path("subject").path("name").asText(),
                    a.path("period").asText(), a.path("amount").asText() + " " + a.path("currency").asText(""),
                    a.path("revision").asInt(), a.path("explanation").asText());
        }
        print(table, "(none: no policy is configured for this jurisdiction yet)");
        out.println("  received and verified by the simulated award intake: " + report.intake().items("awards")
                + " award line(s)");
    }

    private void deliveries(DemoReport report) {
        heading("Deliveries to the award intake (" + report.deliveries().size() + ", GET /api/v1/deliveries)");
        TextTable table = new TextTable("id", "kind", "period", "items>", "status", "attempts>", "last reply");
        List<JsonNode> oldestFirst = new ArrayList<>(report.deliveries()); // the API lists newest first
        Collections.reverse(oldestFirst);
        for (JsonNode d : oldestFirst) {
            table.row(d.path("id").asText(), d.path("kind").asText(), d.path("period").asText(),
                    d.path("items").asInt(), d.path("status").asText(), d.path("attempts").asInt(),
                    d.has("lastStatus") ? d.path("lastStatus").asInt() + " " + d.path("lastResponse").asText("") : "");
        }
        print(table, "(none)");
    }

    private void intake(DemoReport report) {
        AwardIntakeSimulator.Report intake = report.intake();
        heading("Simulated award intake (" + report.intakeUrl() + ")");
        out.printf("  %d requests, %d signatures verified (HMAC-SHA256, at most %d s old), %d replays, %d refused%n",
                intake.requests(), intake.signaturesVerified(), AwardIntakeSimulator.MAX_SIGNATURE_AGE_SECONDS,
                intake.replays(), intake.refusals().size());
        out.printf("  stored %d batches: %d figure revisions, %d award lines; Idempotency-Key = batchId on each%n",
                intake.accepted().size(), intake.items("figures"), intake.items("awards"));
        TextTable table = new TextTable("batchId", "kind", "items>", "periods");
        intake.accepted().forEach(b -> table.row(b.batchId(), b.kind(), b.items(), String.join(", ", b.periods())));
        print(table, "(nothing stored)");
        intake.refusals().forEach(r -> out.println("  REFUSED " + cut(r)));
    }

    private void checks(DemoReport report) {
        heading("Checks");
        for (DemoReport.Check c : report.checks()) {
            out.println("  " + (c.passed() ? "ok  " : "FAIL") + "  " + c.what() + ": "
                    + (c.passed() ? c.actual() : "expected " + c.expected() + ", got " + c.actual()));
        }
    }

    private void verdict(DemoReport report) {
        long failed = report.checks().stream().filter(c -> !c.passed()).count();
        out.println();
        out.printf("%s: %d of %d checks passed; the demo ran %.1f s after startup. Data: %s%n",
                failed == 0 ? "DEMO PASSED" : "DEMO FAILED", report.checks().size() - failed, report.checks().size(),
                report.elapsed().toMillis() / 1000.0, report.run().home().toAbsolutePath().normalize());
    }

    private static TextTable figureTable() {
        return new TextTable("subject", "metric", "value>", "unit", "rev>", "counted>", "suspect>", "rejected>",
                "duplicate>");
    }

    private static void figureRow(TextTable table, JsonNode f) {
        JsonNode e = f.path("evidence");
        table.row(f.path("subject").path("name").asText(), f.path("metric").asText(), f.path("value").asText(),
                f.path("unit").asText(), f.path("revision").asInt(), e.path("counted").asInt(), e.path("suspect").asInt(),
                e.path("rejected").asInt(), e.path("duplicate").asInt());
    }

    private static boolean sameAsMonth(JsonNode f, JsonNode month) {
        if (month == null) {
            return false;
        }
        JsonNode a = f.path("evidence");
        JsonNode b = month.path("evidence");
        return f.path("value").asText().equals(month.path("value").asText())
                && a.path("counted").asInt() == b.path("counted").asInt()
                && a.path("suspect").asInt() == b.path("suspect").asInt()
                && a.path("rejected").asInt() == b.path("rejected").asInt()
                && a.path("duplicate").asInt() == b.path("duplicate").asInt();
    }

    private static List<JsonNode> sorted(List<JsonNode> figures) {
        return figures.stream().sorted(Comparator
                .comparingInt((JsonNode f) -> order(SUBJECT_ORDER, f.path("subject").path("type").asText()))
                .thenComparing(f -> f.path("subject").path("name").asText())
                .thenComparingInt(f -> metricOrder(f.path("metric").asText()))).toList();
    }

    private static int metricOrder(String metric) {
        try {
            return Metric.valueOf(metric).ordinal();
        } catch (IllegalArgumentException unknown) {
            return Integer.MAX_VALUE;
        }
    }

    private static int order(List<String> order, String value) {
        int i = order.indexOf(value);
        return i < 0 ? order.size() : i;
    }

    private static String key(JsonNode f) {
        return f.path("subject").path("id").asText() + "/" + f.path("metric").asText();
    }

    private static String statuses(JsonNode counts) {
        StringBuilder line = new StringBuilder();
        counts.fields().forEachRemaining(e -> line.append("%-10s %,7d   ".formatted(e.getKey(), e.getValue().asInt())));
        return line.toString().stripTrailing();
    }

    private static String join(JsonNode array) {
        StringBuilder text = new StringBuilder();
        array.forEach(item -> text.append(text.isEmpty() ? "" : "; ").append(item.asText()));
        return text.toString();
    }

    private static String cut(String text) {
        return cut(text, MAX_REASON);
    }

    private static String cut(String text, int max) {
        String oneLine = Objects.requireNonNullElse(text, "").replaceAll("\\s+", " ");
        return oneLine.length() <= max ? oneLine : oneLine.substring(0, max - 1) + "…";
    }

    private void heading(String title) {
        out.println();
        out.println("== " + title);
    }

    private void print(TextTable table, String whenEmpty) {
        if (table.isEmpty()) {
            out.println("    " + whenEmpty);
        } else {
            table.print(out, "    ");
        }
    }
}
