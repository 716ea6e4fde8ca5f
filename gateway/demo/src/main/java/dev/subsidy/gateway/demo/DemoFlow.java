package dev.subsidy.gateway.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.subsidy.simulators.award.AwardIntakeSimulator;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The demo's story, told through the public API over real HTTP: register 从江县's firms, add the
 * partners' connectors, feed a month of parcels and orders from several sources — standard feeds,
 * ZTO's signed trace pushes, a J&T branch's GBK export in the inbox, 淘宝 and 抖店 read from their
 * simulated open platforms ({@link PartnerFlow}) — close October, send a late refund, close again
 * (a revision), close the quarter and the year, and wait until the award intake has every batch.
 * Returns what it saw; it prints only one line of progress per step.
 */
@Component
@Profile("demo")
class DemoFlow {

    static final String MONTH = "2026-10";
    static final String QUARTER = "2026-Q4";
    static final String YEAR = "2026";
    // the special cases, as the summary names them
    static final String NOVEMBER_PARCEL = "collected 2026-11-01 00:30 +08:00";
    static final String SEPTEMBER_INBOUND = "inbound, collected in September";
    static final String CROSS_BORDER = "cross-border parcel";
    static final String UNATTRIBUTABLE = "Yunda scan at an unregistered site";
    static final String MISROUTED = "another county's parcel";
    static final String PARTLY_REFUNDED = "refunded in part, late";
    static final String CANCELLED = "cancelled";
    static final String FULLY_REFUNDED = "refunded in full";
    static final String MISMATCHED_MERCHANT = "names another firm's credit code";

    /** Pushes run every few hundred milliseconds in the demo; a minute without progress is a fault. */
    static final Duration DELIVERY_WAIT = Duration.ofSeconds(60);

    private final Environment environment;
    private final DemoRun run;
    private final AwardIntakeSimulator intake;
    private final ObjectMapper json;

    DemoFlow(Environment environment, DemoRun run, AwardIntakeSimulator intake, ObjectMapper json) {
        this.environment = environment;
        this.run = run;
        this.intake = intake;
        this.json = json;
    }

    DemoReport run(Consumer<String> progress) {
        long started = System.nanoTime();
        int port = environment.getRequiredProperty("local.server.port", Integer.class);
        GatewayCalls gateway = new GatewayCalls(port, json);
        progress.accept("gateway on http://127.0.0.1:" + port + ", simulated award intake on " + intake.baseUrl()
                + ", data in " + run.home());
        progress.accept("tokens made up for this run: admin " + DemoRun.mask(run.adminToken()) + ", feeder "
                + DemoRun.mask(run.feederToken()) + ", reader " + DemoRun.mask(run.readerToken())
                + "; award secret " + DemoRun.mask(run.awardSecret()));

        JsonNode registry = register(gateway, progress);
        DemoFeeds feeds = MonthOfFeeds.generate();
        int total = feeds.beforeClose().size() + feeds.afterClose().size();
        List<DemoReport.Post> posts = new ArrayList<>();
        PartnerReport partners;
        try (PartnerFlow partnerFlow = PartnerFlow.start(gateway, run, feeds.partners(), progress)) {
            // the marketplaces are read while the standard feeds are posted, as they would be in a real month
            partnerFlow.addConnectors();
            progress.accept("some feeds carry malformed records on purpose: the gateway must reject each with its"
                    + " reason and store the rest");
            for (FeedPost post : feeds.beforeClose()) {
                posts.add(feed(gateway, post, posts.size() + 1, total, false, progress));
            }
            partners = partnerFlow.deliver();
        }
        List<DemoReport.Close> closes = new ArrayList<>();
        closes.add(close(gateway, MONTH, false, progress));
        JsonNode riceAtFirstClose = figure(gateway, MONTH, CongjiangRegistry.RICE.id(), "SALES_NET");
        for (FeedPost post : feeds.afterClose()) {
            posts.add(feed(gateway, post, posts.size() + 1, total, true, progress));
        }
        closes.add(close(gateway, MONTH, true, progress));
        closes.add(close(gateway, QUARTER, false, progress));
        closes.add(close(gateway, YEAR, false, progress));
        boolean drained = awaitDeliveries(gateway, progress);

        Map<String, List<JsonNode>> figures = new LinkedHashMap<>();
        for (String period : List.of(MONTH, QUARTER, YEAR)) {
            figures.put(period, list(gateway.expect(200, gateway.get("/api/v1/figures?period=" + period,
                    run.readerToken()), "figures of " + period)));
        }
        List<JsonNode> awards = list(gateway.expect(200, gateway.get("/api/v1/awards", run.readerToken()), "awards"));
        List<JsonNode> deliveries = list(gateway.expect(200, gateway.get("/api/v1/deliveries", run.adminToken()),
                "deliveries"));
        Map<String, JsonNode> records = specialRecords(gateway, feeds.special());
        AwardIntakeSimulator.Report received = intake.report();

        List<DemoReport.Check> checks = new DemoChecks(feeds, riceAtFirstClose, figures, awards, posts, partners,
                records, deliveries, received, drained).all();
        return new DemoReport(run, "http://127.0.0.1:" + port, intake.baseUrl().toString(), registry, posts, partners,
                closes, figures, awards, deliveries, records, received, checks,
                Duration.ofNanos(System.nanoTime() - started));
    }

    private JsonNode register(GatewayCalls gateway, Consumer<String> progress) {
        byte[] body = CongjiangRegistry.subjects(json).toString().getBytes(StandardCharsets.UTF_8);
        JsonNode reply = gateway.expect(200, gateway.put("/api/v1/registry/subjects", run.adminToken(),
                "application/json", body), "registry upsert");
        progress.accept("registry: PUT /api/v1/registry/subjects → " + reply.path("upserted").asInt() + " upserted, "
                + reply.path("rejected").size() + " rejected, " + reply.path("warnings").size() + " warnings");
        return reply;
    }

    private DemoReport.Post feed(GatewayCalls gateway, FeedPost post, int number, int total, boolean late,
                                 Consumer<String> progress) {
        byte[] body = post.body();
        JsonNode receipt = gateway.expect(202, gateway.post("/api/v1/feeds/standard/records", run.feederToken(),
                post.format().contentType, body), "feed post " + post.source());
        progress.accept("feed %d/%d%s: %s, %s, %,d records (%,d bytes) → accepted %,d, duplicates %,d, rejected %d"
                .formatted(number, total, late ? " (late)" : "", post.source(), post.format().label,
                        post.records().size(), body.length, receipt.path("accepted").asInt(),
                        receipt.path("duplicates").asInt(), receipt.path("rejected").size()));
        return new DemoReport.Post(number, post, body.length, late, receipt);
    }

    private DemoReport.Close close(GatewayCalls gateway, String period, boolean again, Consumer<String> progress) {
        long started = System.nanoTime();
        JsonNode summary = gateway.expect(200, gateway.post("/api/v1/periods/" + period + "/close", run.adminToken(),
                "application/json", new byte[0]), "close " + period);
        progress.accept("close %s%s → %d figures (%d new or revised), %d award lines, batches queued: %d, %d ms"
                .formatted(period, again ? " again" : "", summary.path("figures").asInt(),
                        summary.path("figuresRevised").asInt(), summary.path("awardLines").asInt(),
                        summary.path("deliveriesQueued").asInt(), (System.nanoTime() - started) / 1_000_000));
        return new DemoReport.Close(period, again, summary);
    }

    /** Polls until no batch is PENDING: the pushes are asynchronous, the summary must show them done. */
    private boolean awaitDeliveries(GatewayCalls gateway, Consumer<String> progress) {
        long started = System.nanoTime();
        long deadline = started + DELIVERY_WAIT.toNanos();
        long pause = 50;
        while (true) {
            int pending = gateway.expect(200, gateway.get("/api/v1/deliveries?status=PENDING", run.adminToken()),
                    "pending deliveries").size();
            if (pending == 0) {
                progress.accept("deliveries: none pending after %d ms".formatted((System.nanoTime() - started) / 1_000_000));
                return true;
            }
            if (System.nanoTime() > deadline) {
                progress.accept("deliveries: still %d pending after %d s".formatted(pending, DELIVERY_WAIT.toSeconds()));
                return false;
            }
            try {
                Thread.sleep(pause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
            pause = Math.min(pause * 2, 500);
        }
    }

    private JsonNode figure(GatewayCalls gateway, String period, String subject, String metric) {
        JsonNode found = gateway.expect(200, gateway.get("/api/v1/figures?period=" + period + "&subject="
                + GatewayCalls.query(subject) + "&metric=" + metric, run.readerToken()), "figure " + metric);
        return found.isArray() && found.size() == 1 ? found.get(0) : null;
    }

    private Map<String, JsonNode> specialRecords(GatewayCalls gateway, DemoFeeds.SpecialCases special) {
        Map<String, JsonNode> records = new LinkedHashMap<>();
        records.put(NOVEMBER_PARCEL, record(gateway, "shipment", special.novemberParcel()));
        records.put(SEPTEMBER_INBOUND, record(gateway, "shipment", special.inboundFromSeptember().get(0)));
        records.put(CROSS_BORDER, record(gateway, "shipment", special.crossBorderParcels().get(0)));
        records.put(UNATTRIBUTABLE, record(gateway, "shipment", special.unattributableParcels().get(0)));
        records.put(MISROUTED, record(gateway, "shipment", special.misroutedParcels().get(0)));
        records.put(PARTLY_REFUNDED, record(gateway, "order", special.partlyRefundedOrder()));
        records.put(CANCELLED, record(gateway, "order", special.cancelledOrder()));
        records.put(FULLY_REFUNDED, record(gateway, "order", special.fullyRefundedOrder()));
        records.put(MISMATCHED_MERCHANT, record(gateway, "order", special.mismatchedMerchantOrder()));
        return records;
    }

    private JsonNode record(GatewayCalls gateway, String kind, String key) {
        GatewayCalls.Reply reply = gateway.get("/api/v1/records/" + kind + "/" + GatewayCalls.query(key),
                run.adminToken());
        return reply.status() == 200 ? reply.json() : null;
    }

    private static List<JsonNode> list(JsonNode array) {
        List<JsonNode> out = new ArrayList<>();
        array.forEach(out::add);
        return out;
    }
}
