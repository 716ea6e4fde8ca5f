package dev.subsidy.gateway.countreports;

import dev.subsidy.model.Period;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Where count reports are kept, and the verified values of their scopes are read (implemented in storage). */
public interface CountReportStore {

    /** A report as kept, with when it arrived. */
    record Stored(CountReport report, Instant reportedAt) {}

    /** Net sales (fen) and counted orders of one channel of a shop. */
    record ShopSales(String channel, long netFen, int orders) {}

    /** Keeps the reports, each replacing the current one of its (subject, scope, period, metric, source); all in the history. */
    void store(List<CountReport> reports);

    /** The current reports, filtered by whichever of period and subject are given (null: any), in a stable order. */
    List<Stored> find(String period, String subjectId);

    /** The current value of published figures, by figure id; a figure never published is absent. */
    Map<String, String> figureValues(List<String> figureIds);

    /**
     * Outbound parcels verified at each of the given sites ({@code CARRIER:siteCode}) in the period: VERIFIED
     * shipments collected there in the period, from inside (no origin region, or one inside) to outside
     * (a destination country other than CN, or a destination region outside), as docs/figures.md defines
     * outbound. {@code insidePrefixes} are the jurisdiction's covering prefixes.
     */
    Map<String, Integer> outboundAtSites(Period period, List<String> sites, List<String> insidePrefixes);

    /**
     * Verified sales of each of the given shops ({@code PLATFORM:shopId}) in the period, by channel: VERIFIED
     * orders paid in the period that count (docs/figures.md: not cancelled, not refunded in full, not refunded
     * with no amount given), their net amount in fen.
     */
    Map<String, List<ShopSales>> salesOfShops(Period period, List<String> shops);
}
