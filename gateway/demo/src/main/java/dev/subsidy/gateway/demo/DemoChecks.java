package dev.subsidy.gateway.demo;

import com.fasterxml.jackson.databind.JsonNode;
import dev.subsidy.gateway.demo.DemoReport.Check;
import dev.subsidy.simulators.award.AwardIntakeSimulator;
import dev.subsidy.simulators.markets.MarketSimulator;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What the demo holds the gateway to: figures worked out independently while the feeds were
 * generated (docs/figures.md applied by hand), the fate of each special case, and a clean delivery —
 * every batch accepted by the intake, none refused, none failed. Any miss makes the demo exit
 * non-zero, so the README's first command doubles as a smoke test.
 */
final class DemoChecks {

    private final DemoFeeds feeds;
    private final JsonNode riceAtFirstClose;
    private final Map<String, List<JsonNode>> figures;
    private final List<JsonNode> awards;
    private final List<DemoReport.Post> posts;
    private final PartnerReport partners;
    private final Map<String, JsonNode> records;
    private final List<JsonNode> deliveries;
    private final AwardIntakeSimulator.Report intake;
    private final boolean drained;

    DemoChecks(DemoFeeds feeds, JsonNode riceAtFirstClose, Map<String, List<JsonNode>> figures,
               List<JsonNode> awards, List<DemoReport.Post> posts, PartnerReport partners, Map<String, JsonNode> records,
               List<JsonNode> deliveries, AwardIntakeSimulator.Report intake, boolean drained) {
        this.feeds = feeds;
        this.riceAtFirstClose = riceAtFirstClose;
        this.figures = figures;
        this.awards = awards;
        this.posts = posts;
        this.partners = partners;
        this.records = records;
        this.deliveries = deliveries;
        this.intake = intake;
        this.drained = drained;
    }

    List<Check> all() {
        DemoFeeds.Expected e = feeds.expected();
        String zto = CongjiangRegistry.ZTO.id();
        String rice = CongjiangRegistry.RICE.id();
        List<Check> checks = new ArrayList<>();

        int rejected = posts.stream().mapToInt(p -> p.receipt().path("rejected").size()).sum();
        checks.add(new Check("malformed records rejected at intake, each with a reason", str(e.malformed()),
                str(rejected)));
        DemoReport.Post resend = posts.stream().filter(p -> p.post().source().contains("re-send")).findFirst()
                .orElseThrow();
        checks.add(new Check("re-sent parcels all DUPLICATE", str(e.resent()),
                str(resend.receipt().path("duplicates").asInt())));

        checks.add(new Check("ZTO " + DemoFlow.MONTH + " PARCELS_OUTBOUND", str(e.ztoOutbound()),
                value(DemoFlow.MONTH, zto, "PARCELS_OUTBOUND")));
        checks.add(new Check("ZTO " + DemoFlow.MONTH + " PARCELS_OUTBOUND_LOCAL_PRODUCTS", str(e.ztoLocalProducts()),
                value(DemoFlow.MONTH, zto, "PARCELS_OUTBOUND_LOCAL_PRODUCTS")));
        checks.add(new Check("ZTO " + DemoFlow.YEAR + " PARCELS_OUTBOUND_LOCAL_PRODUCTS (+ the parcel of 1 Nov 00:30)",
                str(e.ztoLocalProducts() + e.ztoLocalProductsAfterOctober()),
                value(DemoFlow.YEAR, zto, "PARCELS_OUTBOUND_LOCAL_PRODUCTS")));
        checks.add(new Check("ZTO " + DemoFlow.MONTH + " PARCELS_INBOUND", str(e.ztoInbound()),
                value(DemoFlow.MONTH, zto, "PARCELS_INBOUND")));
        checks.add(new Check("香禾糯 " + DemoFlow.MONTH + " SALES_NET at the first close",
                e.riceSalesBeforeRefund().toPlainString() + " rev 1",
                riceAtFirstClose == null ? "(none)" : riceAtFirstClose.path("value").asText() + " rev "
                        + riceAtFirstClose.path("revision").asInt()));
        JsonNode riceNow = figure(DemoFlow.MONTH, rice, "SALES_NET");
        checks.add(new Check("香禾糯 " + DemoFlow.MONTH + " SALES_NET after the late refund",
                e.riceSales().toPlainString() + " rev 2",
                riceNow == null ? "(none)" : riceNow.path("value").asText() + " rev " + riceNow.path("revision").asInt()));
        checks.add(new Check("香禾糯 " + DemoFlow.MONTH + " ORDERS (the cancelled one not counted)", str(e.riceOrders()),
                value(DemoFlow.MONTH, rice, "ORDERS")));
        String tea = CongjiangRegistry.TEA.id();
        checks.add(new Check("月亮山茶业 " + DemoFlow.MONTH + " SALES_NET (淘宝 yuan strings and 抖店 fen, through their APIs)",
                e.teaSales().toPlainString(), value(DemoFlow.MONTH, tea, "SALES_NET")));
        checks.add(new Check("月亮山茶业 " + DemoFlow.MONTH + " ORDERS", str(e.teaOrders()),
                value(DemoFlow.MONTH, tea, "ORDERS")));
        checks.add(new Check("侗绣 " + DemoFlow.MONTH + " PARCELS_CROSS_BORDER", str(e.crossBorderParcels()),
                value(DemoFlow.MONTH, CongjiangRegistry.EMBROIDERY.id(), "PARCELS_CROSS_BORDER")));
        checks.add(new Check("Yunda scan at an unregistered site", "SUSPECT unattributable",
                status(DemoFlow.UNATTRIBUTABLE, "unattributable")));
        checks.add(new Check("parcel collected 2026-11-01T00:30+08:00", "VERIFIED", status(DemoFlow.NOVEMBER_PARCEL, null)));
        checks.add(new Check("parcel of another county", "REJECTED", status(DemoFlow.MISROUTED, null)));
        checks.add(new Check("order naming another firm's credit code", "SUSPECT",
                status(DemoFlow.MISMATCHED_MERCHANT, null)));

        // docs/policy-readings.md, worked example 1 and cj-shop, applied by hand to the year's figures
        int ztoYear = e.ztoLocalProducts() + e.ztoLocalProductsAfterOctober();
        checks.add(new Check("cj-express-parcel for ZTO in " + DemoFlow.YEAR + " (" + ztoYear + " parcels)",
                expressParcelAward(ztoYear), award("cj-express-parcel", zto)));
        checks.add(new Check("cj-shop for 香禾糯 in " + DemoFlow.YEAR + " (≥ 1,000 orders and ≥ 200,000 CNY)",
                "20000.00", award("cj-shop", rice)));
        checks.add(new Check("cj-shop for 从江香猪 in " + DemoFlow.YEAR + " (fewer than 1,000 orders)", "(none)",
                award("cj-shop", CongjiangRegistry.PORK.id())));

        checks.addAll(partnerChecks());

        checks.add(new Check("deliveries drained (none PENDING)", "true", str(drained)));
        checks.add(new Check("deliveries FAILED", "0", str(deliveries.stream()
                .filter(d -> "FAILED".equals(d.path("status").asText())).count())));
        checks.add(new Check("pushes the intake refused", "0", str(intake.refusals().size())));
        int delivered = deliveries.stream().filter(d -> "DELIVERED".equals(d.path("status").asText())
                && "FIGURES".equals(d.path("kind").asText())).mapToInt(d -> d.path("items").asInt()).sum();
        checks.add(new Check("figure revisions the intake stored = figure items delivered", str(delivered),
                str(intake.items("figures"))));
        return checks;
    }

    /**
     * The partner paths: each connector's counters as GET /api/v1/connectors sums them, worked out
     * from what the demo sent (or, for the marketplaces, from what the simulators hold); the file's
     * fate and report; the simulators' signature checks; ZTO's signature check by the gateway.
     */
    private List<Check> partnerChecks() {
        List<Check> checks = new ArrayList<>();
        PartnerReport.ZtoPushes zto = partners.zto();
        checks.add(new Check("ZTO pushes answered with ZTO's acknowledgement", str(zto.pushes() + 1),
                str(zto.acknowledged())));
        checks.add(new Check(PartnerConnectors.ZTO + " in/accepted/duplicates/rejected (the re-sent push all duplicates)",
                counters(zto.waybills() + zto.resentWaybills(), zto.waybills(), zto.resentWaybills(), 0),
                counters(PartnerConnectors.ZTO)));
        checks.add(new Check("ZTO push signed with another secret: refused, nothing stored", "403, nothing stored",
                zto.wrongSignatureStatus() + ", " + (zto.forgedStored() ? "stored" : "nothing stored")));

        PartnerReport.FileDrop file = partners.file();
        checks.add(new Check("J&T export moved to failed/ with its report: the blank 揽收网点 row",
                "failed, row " + (JtBranchExport.BROKEN_ROW + 3) + ", 揽收网点",
                file.outcome() + (file.report().size() == 1 ? ", " + reportRow(file.report().get(0)) : ", "
                        + file.report().size() + " report lines")));
        checks.add(new Check(PartnerConnectors.JT + " in/accepted/duplicates/rejected",
                counters(file.rows(), file.rows() - file.brokenRows(), 0, file.brokenRows()),
                counters(PartnerConnectors.JT)));

        for (PartnerReport.Pull pull : partners.pulls()) {
            MarketSimulator.Report sim = pull.simulator();
            checks.add(new Check(pull.connector() + " read through to the present", "true", str(pull.readThrough())));
            JsonNode c = partners.connector(pull.connector());
            checks.add(new Check(pull.connector() + ": every order of the shop accepted once, none rejected",
                    "accepted " + sim.held() + ", rejected 0", c == null ? "(not listed)"
                            : "accepted " + c.path("accepted").asLong() + ", rejected " + c.path("rejected").asLong()));
            checks.add(new Check(pull.platform() + " simulator: signatures verified / calls, refusals",
                    sim.requests() + "/" + sim.requests() + ", 0", sim.signaturesVerified() + "/" + sim.requests() + ", "
                            + sim.refusals().size()));
        }
        return checks;
    }

    /** "row 103, 揽收网点" when the report's line names the row and the missing column. */
    private static String reportRow(String line) {
        String position = line.substring(0, Math.max(0, line.indexOf(',')));
        return position + (line.contains("揽收网点") ? ", 揽收网点" : ", " + line);
    }

    private String counters(String connector) {
        JsonNode c = partners.connector(connector);
        return c == null ? "(not listed)" : counters(c.path("recordsIn").asLong(), c.path("accepted").asLong(),
                c.path("duplicates").asLong(), c.path("rejected").asLong());
    }

    private static String counters(long in, long accepted, long duplicates, long rejected) {
        return in + "/" + accepted + "/" + duplicates + "/" + rejected;
    }

    /** 从江县 三(二)2: nothing below 5,000; 1 CNY each up to 10,000; 1.5 CNY for each one above. */
    static String expressParcelAward(int parcels) {
        if (parcels < 5_000) {
            return "(none)";
        }
        BigDecimal amount = BigDecimal.valueOf(Math.min(parcels, 10_000))
                .add(BigDecimal.valueOf(Math.max(parcels - 10_000, 0)).multiply(new BigDecimal("1.5")));
        return amount.setScale(2, RoundingMode.UNNECESSARY).toPlainString();
    }

    private String award(String policy, String subject) {
        return awards.stream().filter(a -> policy.equals(a.path("policy").asText())
                        && subject.equals(a.path("subject").path("id").asText())
                        && DemoFlow.YEAR.equals(a.path("period").asText()))
                .map(a -> a.path("amount").asText()).findFirst().orElse("(none)");
    }

    private String value(String period, String subject, String metric) {
        JsonNode f = figure(period, subject, metric);
        return f == null ? "(none)" : f.path("value").asText();
    }

    private JsonNode figure(String period, String subject, String metric) {
        return figures.getOrDefault(period, List.of()).stream()
                .filter(f -> subject.equals(f.path("subject").path("id").asText()) && metric.equals(f.path("metric").asText()))
                .findFirst().orElse(null);
    }

    /** The special case's status, followed by the given word when one of its reasons contains it. */
    private String status(String label, String reasonWord) {
        JsonNode record = records.get(label);
        if (record == null) {
            return "(not found)";
        }
        String status = record.path("status").asText();
        if (reasonWord == null) {
            return status;
        }
        for (JsonNode reason : record.path("reasons")) {
            if (reason.asText().contains(reasonWord)) {
                return status + " " + reasonWord;
            }
        }
        return status + " " + record.path("reasons");
    }

    private static String str(Object value) {
        return String.valueOf(value);
    }
}
