package dev.subsidy.gateway.demo;

import com.fasterxml.jackson.databind.JsonNode;
import dev.subsidy.simulators.SimulatorServer;
import dev.subsidy.simulators.markets.DouyinSimulator;
import dev.subsidy.simulators.markets.MarketSimulator;
import dev.subsidy.simulators.markets.TopSimulator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The partner paths of the demo (issue 4), through the gateway's public API like everything else:
 * four connectors added by definition only, ZTO's signed trace pushes posted to the push connector,
 * the J&amp;T branch's GBK export dropped into its inbox, and 淘宝 and 抖店 read by the gateway from
 * simulators of their open platforms (the WireMock simulators the connectors are tested against).
 * The records are the month's own ({@link PartnerFeeds}), so the figures must come out as if they had been standard records.
 * Owns the two marketplace simulators: {@link #close()} stops them.
 */
final class PartnerFlow implements AutoCloseable {

    /** The inbox is listed every second; a file read takes well under one. A minute means a fault. */
    static final Duration FILE_WAIT = Duration.ofSeconds(60);
    /** A month in day-long windows is a few dozen calls at 20 a second; 90 s means a fault. */
    static final Duration PULL_WAIT = Duration.ofSeconds(90);
    /** ZTO's public app key: sent as x-appKey, not a secret. */
    static final String ZTO_APP_KEY = "zto-demo-app-7f3c";
    /** A waybill only the wrongly signed push names: if the gateway stored it, the refusal failed. */
    static final String FORGED_WAYBILL = "75999999999999";

    /** How the summary names the platforms and their signatures (TopSimulator, DouyinSimulator check them). */
    static final String TAOBAO_PLATFORM = "淘宝 TOP";
    static final String TAOBAO_SIGNATURE = "md5, upper hex MD5(secret + sorted name-values + secret)";
    static final String DOUYIN_PLATFORM = "抖店";
    static final String DOUYIN_SIGNATURE = "md5, lower hex MD5(secret + app_key…param_json…v + secret)";

    /** A marketplace simulator and the loopback server it answers on. */
    private record Marketplace(String platform, String signature, MarketSimulator simulator, SimulatorServer server) {

        URI baseUrl() {
            return server.baseUrl();
        }
    }

    private final GatewayCalls gateway;
    private final DemoRun run;
    private final PartnerFeeds feeds;
    private final Consumer<String> progress;
    private final Marketplace taobao;
    private final Marketplace douyin;

    private PartnerFlow(GatewayCalls gateway, DemoRun run, PartnerFeeds feeds, Consumer<String> progress,
                        Marketplace taobao, Marketplace douyin) {
        this.gateway = gateway;
        this.run = run;
        this.feeds = feeds;
        this.progress = progress;
        this.taobao = taobao;
        this.douyin = douyin;
    }

    /** Starts the marketplace simulators holding the tea shop's orders in the platforms' shapes. */
    static PartnerFlow start(GatewayCalls gateway, DemoRun run, PartnerFeeds feeds, Consumer<String> progress) {
        Clock clock = Clock.systemUTC();
        requireClockPast(feeds, clock.instant());
        TopSimulator top = new TopSimulator(clock, run.partner(DemoRun.TAOBAO_APP_SECRET), run.partner(DemoRun.TAOBAO_SESSION));
        Marketplace taobao = new Marketplace(TAOBAO_PLATFORM, TAOBAO_SIGNATURE, top,
                top.start(feeds.taobaoTrades().stream().map(TaobaoTrades::of).toList()));
        try {
            DouyinSimulator shop = new DouyinSimulator(clock, run.partner(DemoRun.DOUYIN_APP_SECRET),
                    run.partner(DemoRun.DOUYIN_ACCESS_TOKEN));
            Marketplace douyin = new Marketplace(DOUYIN_PLATFORM, DOUYIN_SIGNATURE, shop,
                    shop.start(feeds.douyinOrders().stream().map(DouyinShopOrders::of).toList()));
            return new PartnerFlow(gateway, run, feeds, progress, taobao, douyin);
        } catch (RuntimeException e) {
            taobao.server().close();
            throw e;
        }
    }

    /**
     * The marketplace connectors read windows up to now minus their delay, on the real clock: a clock
     * set before the month's last order change would leave orders unread and fail the checks for a
     * reason nobody could see, so the demo says so instead.
     */
    static void requireClockPast(PartnerFeeds feeds, Instant now) {
        Instant last = Stream.concat(feeds.taobaoTrades().stream(), feeds.douyinOrders().stream())
                .map(o -> OffsetDateTime.parse((String) o.get("updatedAt")).toInstant())
                .max(Instant::compareTo).orElse(Instant.EPOCH);
        Instant needed = last.plus(PartnerConnectors.WINDOW_DELAY).plusSeconds(1);
        if (now.isBefore(needed)) {
            throw new IllegalStateException("the marketplace connectors read up to "
                    + PartnerConnectors.WINDOW_DELAY.toMinutes() + " min before now, and the demo's orders change until "
                    + last + ": the system clock (" + now + ") must be after " + needed);
        }
    }

    /**
     * Adds the four connectors and sets the marketplace ones running, so they read October while the
     * standard feeds are posted.
     */
    void addConnectors() {
        for (String definition : PartnerConnectors.definitions(taobao.baseUrl(), douyin.baseUrl())) {
            JsonNode view = gateway.expect(200, gateway.post("/api/v1/connectors", run.adminToken(), "application/yaml",
                    definition.getBytes(StandardCharsets.UTF_8)), "add connector");
            progress.accept("connector %s added: type %s, mapping %s, %s".formatted(view.path("id").asText(),
                    view.path("type").asText(), view.path("mapping").asText(), view.path("state").asText()));
        }
        for (String id : List.of(PartnerConnectors.TAOBAO, PartnerConnectors.DOUYIN)) {
            gateway.expect(202, gateway.post("/api/v1/connectors/" + id + "/run", run.adminToken(), null, new byte[0]),
                    "run " + id);
        }
        progress.accept("run now: %s reads 淘宝 TOP at %s, %s reads 抖店 at %s, windows of a day from %s".formatted(
                PartnerConnectors.TAOBAO, taobao.baseUrl(), PartnerConnectors.DOUYIN, douyin.baseUrl(),
                PartnerConnectors.WINDOW_START));
    }

    /** The carrier paths, then waits until both marketplaces are read through; lists the connectors. */
    PartnerReport deliver() {
        PartnerReport.ZtoPushes zto = pushZto();
        PartnerReport.FileDrop file = dropJtExport();
        List<PartnerReport.Pull> pulls = List.of(awaitPull(PartnerConnectors.TAOBAO, taobao),
                awaitPull(PartnerConnectors.DOUYIN, douyin));
        List<JsonNode> connectors = new ArrayList<>();
        gateway.expect(200, gateway.get("/api/v1/connectors", run.adminToken()), "connectors").forEach(connectors::add);
        return new PartnerReport(zto, file, pulls, connectors);
    }

    /** Both rounds of ZTO's pushes, one push sent again, and one signed with the wrong secret. */
    private PartnerReport.ZtoPushes pushZto() {
        ZtoTracePushes.Rounds rounds = ZtoTracePushes.of(feeds.ztoTraces());
        String secret = run.partner(DemoRun.ZTO_APP_SECRET);
        List<ZtoTracePushes.Push> all = Stream.concat(rounds.inTransit().stream(), rounds.signed().stream()).toList();
        int acknowledged = 0;
        for (ZtoTracePushes.Push push : all) {
            acknowledged += acknowledged(push(push.body(), push.digest(secret)), push.label());
        }
        int events = all.stream().mapToInt(ZtoTracePushes.Push::events).sum();
        progress.accept("ZTO trace push: %d pushes in transit, %d signed (%,d waybill traces, %,d events, shuffled), "
                .formatted(rounds.inTransit().size(), rounds.signed().size(), rounds.waybills(), events)
                + acknowledged + " acknowledged");
        // ZTO sends a push again when its answer timed out: the gateway must take it as duplicates
        ZtoTracePushes.Push again = rounds.signed().get(0);
        acknowledged += acknowledged(push(again.body(), again.digest(secret)), again.label() + " again");
        // a push signed with another secret (a forged or misconfigured sender) must store nothing
        progress.accept("the next ZTO push carries a bad signature on purpose: the gateway must refuse it (403) and store"
                + " nothing; its WARN goes to " + DemoLog.FILE);
        byte[] forged = ("{\"data\":[{\"billCode\":\"" + FORGED_WAYBILL + "\",\"action\":\"GOT\",\"actionTime\":"
                + "\"2026-10-20 10:00:00\",\"city\":\"" + ZtoTracePushes.ORIGIN_CITY + "\",\"facilityCode\":\"CJ-ZTO-01\"},"
                + "{\"billCode\":\"" + FORGED_WAYBILL + "\",\"action\":\"SIGNED\",\"actionTime\":\"2026-10-22 10:00:00\","
                + "\"city\":\"广州市\",\"facilityCode\":\"GZ-ZTO-01\"}]}").getBytes(StandardCharsets.UTF_8);
        GatewayCalls.Reply refused = push(forged, ZtoTracePushes.digest(forged, "not-" + secret));
        progress.accept("ZTO sent %s again (%d waybills); a push signed with another secret → HTTP %d %s".formatted(
                again.label(), again.waybills(), refused.status(), refused.body()));
        boolean forgedStored = gateway.get("/api/v1/records/shipment/" + GatewayCalls.query("ZTO:" + FORGED_WAYBILL),
                run.adminToken()).status() == 200;
        return new PartnerReport.ZtoPushes(all.size(), rounds.waybills(), events, again.waybills(), acknowledged,
                refused.status(), refused.body(), forgedStored);
    }

    private GatewayCalls.Reply push(byte[] body, String digest) {
        return gateway.post("/api/v1/feeds/" + PartnerConnectors.ZTO + "/records", run.partner(DemoRun.ZTO_FEEDER_TOKEN),
                "application/json; charset=UTF-8", body, Map.of("x-appKey", ZTO_APP_KEY, "x-dataDigest", digest));
    }

    /** 1 when the gateway answered with ZTO's acknowledgement; a refusal stops the demo with the reply. */
    private static int acknowledged(GatewayCalls.Reply reply, String label) {
        if (reply.status() != 200 || reply.json() == null || !reply.json().path("status").asBoolean()) {
            throw new IllegalStateException("ZTO push " + label + ": expected ZTO's acknowledgement, got HTTP "
                    + reply.status() + " " + reply.body());
        }
        return 1;
    }

    /**
     * Writes the export next to the inbox's files as {@code .part} (never read) and renames it when
     * complete, as a careful copy would, then polls (bounded) until the gateway has moved it.
     */
    private PartnerReport.FileDrop dropJtExport() {
        JtBranchExport.Export export = JtBranchExport.of(feeds.jtExport());
        Path inbox = run.home().resolve("inbox").resolve(PartnerConnectors.JT);
        String name = JtBranchExport.FILE_NAME;
        long started = System.nanoTime();
        try {
            progress.accept("the next file, a J&T branch's export, has rows with errors on purpose: the gateway must"
                    + " store the good rows and move the file to failed/ with a report of the bad ones");
            Files.createDirectories(inbox);
            Path part = inbox.resolve(name + ".part");
            Files.write(part, export.bytes());
            Files.move(part, inbox.resolve(name), StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the J&T export into " + inbox, e);
        }
        String outcome = "inbox";
        List<String> report = List.of();
        long deadline = started + FILE_WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            if (Files.exists(inbox.resolve("done").resolve(name))) {
                outcome = "done";
                break;
            }
            Path failed = inbox.resolve("failed").resolve(name);
            if (Files.exists(failed)) {
                outcome = "failed";
                report = reportLines(failed.resolveSibling(name + ".errors.csv"));
                break;
            }
            pause(200);
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        progress.accept("J&T export: %s (%,d rows, %,d bytes GBK) renamed into inbox/%s/ → %s/ after %d ms%s".formatted(
                name, export.rows(), export.bytes().length, PartnerConnectors.JT, outcome, millis,
                report.isEmpty() ? "" : ", report: " + String.join("; ", report)));
        return new PartnerReport.FileDrop(name, export.rows(), export.brokenRows(), export.bytes().length, outcome,
                report, millis);
    }

    /** The report's rows (UTF-8 with a BOM, a header line first). */
    private static List<String> reportLines(Path report) {
        try {
            String text = Files.readString(report, StandardCharsets.UTF_8).replace("\uFEFF", "");
            List<String> lines = text.lines().filter(l -> !l.isBlank()).toList();
            return lines.isEmpty() ? List.of() : lines.subList(1, lines.size());
        } catch (IOException e) {
            return List.of("(cannot read " + report.getFileName() + ": " + e.getMessage() + ")");
        }
    }

    /**
     * Polls the connector until its last run read up to the present: IDLE (its run ended), no failure, and next due
     * after its schedule rather than at once (a run that stops with a backlog is due again at once).
     */
    private PartnerReport.Pull awaitPull(String id, Marketplace marketplace) {
        long started = System.nanoTime();
        long deadline = started + PULL_WAIT.toNanos();
        boolean through = false;
        while (!through && System.nanoTime() < deadline) {
            JsonNode c = gateway.expect(200, gateway.get("/api/v1/connectors/" + id, run.adminToken()), "connector " + id);
            Instant next = c.hasNonNull("nextRunAt") ? Instant.parse(c.path("nextRunAt").asText()) : null;
            through = "IDLE".equals(c.path("state").asText()) && c.path("failures").asInt() == 0
                    && next != null && next.isAfter(Instant.now().plus(Duration.ofMinutes(1)));
            if (!through) {
                pause(250);
            }
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        MarketSimulator.Report seen = marketplace.simulator().report();
        progress.accept(("%s: %s after %d ms more: %d calls, %d signatures verified, %d refused; %d of %d orders"
                + " served, %d items in all (the backward paging's probe of page 1 and the window lookback serve some twice)")
                .formatted(id, through ? "read through to the present" : "NOT read through", millis, seen.requests(),
                        seen.signaturesVerified(), seen.refusals().size(), seen.distinctServed(), seen.held(),
                        seen.itemsServed()));
        return new PartnerReport.Pull(id, marketplace.platform(), marketplace.signature(), through, millis, seen);
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the gateway", e);
        }
    }

    @Override
    public void close() {
        taobao.server().close();
        douyin.server().close();
    }
}
