package dev.subsidy.gateway.countreports;

import dev.subsidy.figures.MeasuredFigure;
import dev.subsidy.gateway.verification.VerificationProperties;
import dev.subsidy.model.Metric;
import dev.subsidy.model.Period;
import dev.subsidy.model.RegionCode;
import dev.subsidy.model.Unit;
import dev.subsidy.verification.Jurisdiction;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Sets each report beside the verified value of its scope (docs/figures.md "Reported totals"): a whole
 * subject's published figure (0 when none was published); a site's outbound parcels and a shop's sales
 * from one aggregate per period over the VERIFIED records of the reported sites and shops. What the
 * records of a site or shop cannot tell (which parcels are e-commerce, a category, a town's sum) is
 * said to be not computable rather than guessed.
 */
@Component
class CountReportComparison {

    private static final Set<Metric> SHOP_METRICS = Set.of(Metric.SALES_NET, Metric.SALES_NET_B2B, Metric.SALES_NET_B2C,
            Metric.SALES_NET_C2C, Metric.ORDERS);

    private final CountReportStore store;
    private final Reconciliation reconciliation;
    private final List<String> insidePrefixes;

    CountReportComparison(CountReportStore store, VerificationProperties properties, Jurisdiction jurisdiction) {
        this.store = store;
        this.reconciliation = new Reconciliation(properties.countReportTolerance());
        this.insidePrefixes = jurisdiction.regions().stream().map(RegionCode::coveringPrefix).distinct().toList();
    }

    List<CountReportController.Line> lines(List<CountReportStore.Stored> reports) {
        Map<String, List<CountReportStore.Stored>> byPeriod = reports.stream()
                .collect(Collectors.groupingBy(s -> s.report().period(), TreeMap::new, Collectors.toList()));
        List<CountReportController.Line> out = new ArrayList<>();
        byPeriod.forEach((period, inPeriod) -> out.addAll(lines(Period.parse(period), inPeriod)));
        return out;
    }

    private List<CountReportController.Line> lines(Period period, List<CountReportStore.Stored> reports) {
        Map<String, String> figures = store.figureValues(reports.stream()
                .filter(s -> s.report().scope().kind() == CountReport.Scope.Kind.SUBJECT)
                .map(s -> figureId(s.report())).distinct().toList());
        Map<String, Integer> sites = store.outboundAtSites(period, codes(reports, CountReport.Scope.Kind.SITE), insidePrefixes);
        Map<String, List<CountReportStore.ShopSales>> shops = store.salesOfShops(period,
                codes(reports, CountReport.Scope.Kind.SHOP));
        List<CountReportController.Line> out = new ArrayList<>();
        for (CountReportStore.Stored stored : reports) {
            CountReport r = stored.report();
            BigDecimal verified = null;
            String basis;
            String notComputable = null;
            switch (r.scope().kind()) {
                case SUBJECT -> {
                    String id = figureId(r);
                    String value = figures.get(id);
                    verified = value == null ? zero(r.metric()) : new BigDecimal(value);
                    basis = value == null ? "figure " + id + " (not published: it counted nothing)" : "figure " + id;
                }
                case SITE -> {
                    basis = "VERIFIED outbound shipments collected at site " + r.scope().code() + " in " + r.period();
                    if (r.metric() == Metric.PARCELS_OUTBOUND) {
                        verified = BigDecimal.valueOf(sites.getOrDefault(r.scope().code(), 0));
                    } else {
                        notComputable = "not computable for this scope: a site's records give PARCELS_OUTBOUND only";
                    }
                }
                case SHOP -> {
                    basis = "VERIFIED orders of shop " + r.scope().code() + " paid in " + r.period()
                            + " that count (net amount above 0)";
                    if (SHOP_METRICS.contains(r.metric())) {
                        verified = shopValue(r.metric(), shops.getOrDefault(r.scope().code(), List.of()));
                    } else {
                        notComputable = "not computable for this scope: a shop's records give "
                                + SHOP_METRICS.stream().map(Enum::name).sorted().collect(Collectors.joining(", ")) + " only";
                    }
                }
                default -> throw new IllegalStateException("scope " + r.scope());
            }
            Reconciliation.Outcome o = reconciliation.of(r.value(), verified, notComputable);
            CountReport.Scope scope = r.scope();
            out.add(new CountReportController.Line(r.subjectId(),
                    scope.kind() == CountReport.Scope.Kind.SITE ? scope.code() : null,
                    scope.kind() == CountReport.Scope.Kind.SHOP ? scope.code() : null, r.period(), r.metric().name(),
                    r.value().toPlainString(), r.source(), stored.reportedAt(), plain(o.verified()), plain(o.difference()),
                    plain(o.share()), o.flagged(), o.reason(), basis));
        }
        return out;
    }

    private static String figureId(CountReport r) {
        return MeasuredFigure.idOf(r.subjectId(), r.metric(), r.period());
    }

    private static List<String> codes(List<CountReportStore.Stored> reports, CountReport.Scope.Kind kind) {
        return reports.stream().map(s -> s.report().scope()).filter(s -> s.kind() == kind).map(CountReport.Scope::code)
                .distinct().toList();
    }

    private static BigDecimal shopValue(Metric metric, List<CountReportStore.ShopSales> sales) {
        if (metric == Metric.ORDERS) {
            return BigDecimal.valueOf(sales.stream().mapToLong(CountReportStore.ShopSales::orders).sum());
        }
        String channel = switch (metric) {
            case SALES_NET_B2B -> "B2B";
            case SALES_NET_B2C -> "B2C";
            case SALES_NET_C2C -> "C2C";
            default -> null;
        };
        long fen = sales.stream().filter(s -> channel == null || channel.equals(s.channel()))
                .mapToLong(CountReportStore.ShopSales::netFen).sum();
        return BigDecimal.valueOf(fen, 2);
    }

    private static BigDecimal zero(Metric metric) {
        return metric.unit() == Unit.CNY ? BigDecimal.ZERO.setScale(2) : BigDecimal.ZERO;
    }

    private static String plain(BigDecimal value) {
        return value == null ? null : value.toPlainString();
    }
}
