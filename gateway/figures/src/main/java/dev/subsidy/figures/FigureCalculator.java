package dev.subsidy.figures;

import dev.subsidy.model.Metric;
import dev.subsidy.model.Period;
import dev.subsidy.model.SalesOrder;
import dev.subsidy.model.Shipment;
import dev.subsidy.model.Subject;
import dev.subsidy.model.SubjectType;
import dev.subsidy.verification.ByWaybill;
import dev.subsidy.verification.Direction;
import dev.subsidy.verification.Jurisdiction;
import dev.subsidy.verification.OrderVerdict;
import dev.subsidy.verification.ParcelLinks;
import dev.subsidy.verification.RegistrySnapshot;
import dev.subsidy.verification.SecondCore;
import dev.subsidy.verification.ShipmentVerdict;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Computes every metric of docs/figures.md for one period from verified records. Pure: two runs over the
 * same verdicts give the same figures, digests included.
 */
public final class FigureCalculator {

    private static final Set<String> LOCAL_GOODS = Set.of("LOCAL_PRODUCT", "AGRICULTURAL");
    private static final Map<String, Metric> CATEGORY_METRICS = Map.of("AGRICULTURAL", Metric.SALES_NET_AGRICULTURAL,
            "LOCAL_PRODUCT", Metric.SALES_NET_LOCAL_PRODUCT, "BAKERY", Metric.SALES_NET_BAKERY);

    /** The two threads' shares of a close's records. */
    private static final int HALVES = 2;

    private final Jurisdiction jurisdiction;
    private final RegistrySnapshot registry;

    public FigureCalculator(Jurisdiction jurisdiction, RegistrySnapshot registry) {
        this.jurisdiction = jurisdiction;
        this.registry = registry;
    }

    public List<MeasuredFigure> compute(Period period, Collection<ShipmentVerdict> shipments, Map<String, OrderVerdict> orders) {
        return compute(period, List.copyOf(shipments), orders, SecondCore.NONE);
    }

    /**
     * As {@link #compute(Period, Collection, Map)}, the shipments in two halves and then the orders in two halves on
     * the two threads, each half into its own tallies; put together in the records' order, so each figure's keys,
     * amounts and digest are those of one thread.
     */
    public List<MeasuredFigure> compute(Period period, List<ShipmentVerdict> shipments, Map<String, OrderVerdict> orders,
                                        SecondCore cores) {
        return compute(period, shipments, orders, ParcelLinks.UNKNOWN, cores);
    }

    /**
     * As {@link #compute(Period, List, Map, SecondCore)}, each parcel's orders taken from {@code links} when the
     * screening made them (the orders' verdicts then looked up by key among {@code orders}), else found by their
     * waybills: the same orders either way.
     */
    public List<MeasuredFigure> compute(Period period, List<ShipmentVerdict> shipments, Map<String, OrderVerdict> orders,
                                        ParcelLinks links, SecondCore cores) {
        ByWaybill<List<OrderVerdict>> ordersByWaybill = links.known() ? null : ordersByWaybill(orders.values());
        FigureAccumulator[] parcels = new FigureAccumulator[HALVES];
        @SuppressWarnings("unchecked")
        Set<String>[] abroad = new Set[HALVES];
        cores.forEach(HALVES, half -> {
            parcels[half] = new FigureAccumulator();
            abroad[half] = new HashSet<>();
            for (ShipmentVerdict v : half(shipments, half)) {
                parcel(v, period, orders, links, ordersByWaybill, parcels[half], abroad[half]);
            }
        });
        Set<String> shippedAbroad = new HashSet<>(abroad[0]);
        shippedAbroad.addAll(abroad[1]);
        FigureAccumulator all = parcels[0];
        all.add(parcels[1]);
        return sales(period, orders, shippedAbroad, all, cores);
    }

    /**
     * The figures of parcels handed a slice at a time, then of the orders: for a close that screens its period a slice
     * at a time ({@link dev.subsidy.verification.period.SlicedScreening}). The same figures as {@link #compute} over
     * the same verdicts, the parcels' keys held as bytes rather than by the parcels, which are let go with their slice.
     */
    public Running running(Period period) {
        return new Running(period);
    }

    /** Figures being computed a slice of parcels at a time. */
    public final class Running {
        private final Period period;
        private final FigureAccumulator parcels = new FigureAccumulator(true);
        private final Set<String> shippedAbroad = new HashSet<>();

        private Running(Period period) {
            this.period = period;
        }

        /**
         * Counts screened parcels.
         *
         * @param orders the screened orders {@code links} may name (none for parcels no order carries)
         */
        public void parcels(List<ShipmentVerdict> screened, Map<String, OrderVerdict> orders, ParcelLinks links) {
            if (!links.known()) {
                throw new IllegalArgumentException("parcels counted a slice at a time need the links the screening made");
            }
            for (ShipmentVerdict v : screened) {
                parcel(v, period, orders, links, null, parcels, shippedAbroad);
            }
        }

        /** Every figure, once the last parcels are counted: the orders' counted now. */
        public List<MeasuredFigure> figures(Map<String, OrderVerdict> orders, SecondCore cores) {
            return sales(period, orders, shippedAbroad, parcels, cores);
        }
    }

    /** The orders' sales added to {@code all}, the parcels' figures, in two halves on the two threads; the figures. */
    private List<MeasuredFigure> sales(Period period, Map<String, OrderVerdict> orders, Set<String> shippedAbroad,
                                       FigureAccumulator all, SecondCore cores) {
        // an order stands for its own key (CountedKeys): no string per order held until the figures are made
        List<OrderVerdict> paid = List.copyOf(orders.values());
        FigureAccumulator[] sales = new FigureAccumulator[HALVES];
        cores.forEach(HALVES, half -> {
            sales[half] = new FigureAccumulator();
            for (OrderVerdict o : half(paid, half)) {
                SalesOrder order = o.stored().record();
                if (order.paidAt() != null && period.contains(order.paidAt()) && o.seller() != null) {
                    sales(o, !shippedAbroad.isEmpty() && shippedAbroad.contains(order.naturalKey()), sales[half]);
                }
            }
        });
        all.add(sales[0]);
        all.add(sales[1]);
        return all.figures(period.toString(), cores);
    }

    private static <T> List<T> half(List<T> items, int half) {
        int middle = items.size() / 2;
        return half == 0 ? items.subList(0, middle) : items.subList(middle, items.size());
    }

    /** @param ordersByWaybill the orders by the waybills they name, where {@code links} are not known */
    private void parcel(ShipmentVerdict v, Period period, Map<String, OrderVerdict> orders, ParcelLinks links,
                        ByWaybill<List<OrderVerdict>> ordersByWaybill, FigureAccumulator acc, Set<String> shippedAbroad) {
        Shipment s = v.stored().record();
        boolean abroad = abroad(s);
        boolean counts = period.contains(v.countsAt());
        if (!abroad && !counts) {
            return;
        }
        List<OrderVerdict> naming = links.known() ? null : ordersByWaybill.get(s);
        List<OrderVerdict> linked = links.known() ? linkedOrders(links.ordersOf(v.stored()), orders)
                : linkedOrders(s, naming, orders);
        if (abroad) {
            linked.forEach(o -> shippedAbroad.add(o.stored().record().naturalKey()));
        }
        if (!counts) {
            return;
        }
        // the parcel stands for its key in every figure that counts it: no string made per parcel and held until the
        // figures are recorded (docs/operations.md "Database")
        parcels(v, linked, acc);
        delivered(v, period, acc);
    }

    private void parcels(ShipmentVerdict v, List<OrderVerdict> linked, FigureAccumulator acc) {
        Shipment s = v.stored().record();
        Subject company = v.company();
        OrderVerdict behind = null;
        for (OrderVerdict o : linked) { // a loop, not a stream: asked of every parcel of a close
            if (o.counts() && o.seller() != null && o.seller().type() == SubjectType.MERCHANT) {
                behind = o;
                break;
            }
        }
        if (v.direction() == Direction.OUTBOUND) {
            add(acc, company, Metric.PARCELS_OUTBOUND, v);
            if (behind != null) {
                add(acc, company, Metric.PARCELS_OUTBOUND_ECOMMERCE, v);
                add(acc, behind.seller(), Metric.PARCELS_SHIPPED, v);
                if (localGoods(behind)) {
                    add(acc, company, Metric.PARCELS_OUTBOUND_LOCAL_PRODUCTS, v);
                }
                if (s.destCountry() != null && !"CN".equals(s.destCountry())) {
                    add(acc, company, Metric.PARCELS_CROSS_BORDER, v);
                    add(acc, behind.seller(), Metric.PARCELS_CROSS_BORDER, v);
                }
            }
        } else if (v.direction() == Direction.INBOUND) {
            add(acc, company, Metric.PARCELS_INBOUND, v);
        }
    }

    /** 配送: parcels delivered inside by the express firms a logistics centre integrates. */
    private void delivered(ShipmentVerdict v, Period period, FigureAccumulator acc) {
        Shipment s = v.stored().record();
        if (s.deliveredAt() == null || !period.contains(s.deliveredAt())) {
            return;
        }
        String region = s.deliveredRegion() != null ? s.deliveredRegion()
                : registry.siteRegion(s.carrier(), s.deliverySite()) != null
                        ? registry.siteRegion(s.carrier(), s.deliverySite()) : s.destRegion();
        if (!jurisdiction.contains(region)) {
            return;
        }
        for (Subject centre : registry.logisticsCentres()) {
            if (centre.carriers().contains(s.carrier())) {
                add(acc, centre, Metric.PARCELS_DELIVERED, v);
            }
        }
    }

    private void sales(OrderVerdict o, boolean shippedAbroad, FigureAccumulator acc) {
        SalesOrder order = o.stored().record();
        if (!order.counts()) {
            return; // cancelled or refunded in full: counts nothing
        }
        Subject seller = o.seller();
        // one key and amount for every figure the order counts in: a close holds them all until its figures are made
        FigureAccumulator.Sale sale = FigureAccumulator.sale(order, order.netAmount());
        FigureAccumulator.SubjectTallies sellers = acc.of(seller);
        addSale(sellers, Metric.SALES_NET, o, sale);
        addSale(sellers, Metric.ORDERS, o, sale);
        boolean merchant = seller.type() == SubjectType.MERCHANT;
        // a TOWN sums the merchants and stations registered in it, its category figures included
        List<Subject> towns = townsOf(seller);
        towns.forEach(t -> addSale(acc.of(t), Metric.SALES_NET, o, sale));
        List<String> categories = order.categories().isEmpty() ? seller.categories() : order.categories();
        for (Map.Entry<String, Metric> category : CATEGORY_METRICS.entrySet()) {
            if (categories.contains(category.getKey())) {
                if (merchant) {
                    addSale(sellers, category.getValue(), o, sale);
                }
                towns.forEach(t -> addSale(acc.of(t), category.getValue(), o, sale));
            }
        }
        if (!merchant) {
            return; // channel and cross-border figures are the merchants' (docs/figures.md)
        }
        addSale(sellers, switch (order.channel()) {
            case B2B -> Metric.SALES_NET_B2B;
            case B2C -> Metric.SALES_NET_B2C;
            case C2C -> Metric.SALES_NET_C2C;
        }, o, sale);
        if (order.crossBorder() || order.destCountry() != null && !"CN".equals(order.destCountry()) || shippedAbroad) {
            addSale(sellers, Metric.SALES_NET_CROSS_BORDER, o, sale);
        }
    }

    /** The towns (乡镇) a seller is registered in: its region lies under the town's code. */
    private List<Subject> townsOf(Subject seller) {
        List<Subject> out = new ArrayList<>();
        for (Subject town : registry.towns()) {
            if (seller.region().startsWith(town.region()) && !town.id().equals(seller.id())) {
                out.add(town);
            }
        }
        return out;
    }

    private static boolean localGoods(OrderVerdict o) {
        List<String> categories = o.stored().record().categories();
        if (categories.isEmpty()) {
            categories = o.seller().categories();
        }
        return categories.stream().anyMatch(LOCAL_GOODS::contains);
    }

    private static boolean abroad(Shipment s) {
        return s.destCountry() != null && !"CN".equals(s.destCountry());
    }

    private static void add(FigureAccumulator acc, Subject subject, Metric metric, ShipmentVerdict v) {
        if (subject != null) {
            acc.add(subject, metric, v.status(), v.stored().record(), null, v.stored().duplicates(),
                    v.stored().connectors());
        }
    }

    private static void addSale(FigureAccumulator.SubjectTallies subject, Metric metric, OrderVerdict o,
                                FigureAccumulator.Sale sale) {
        subject.add(metric, o.status(), sale, o.stored().duplicates(), o.stored().connectors());
    }

    /**
     * Orders linked to a shipment in either direction, sorted by key so the choice is deterministic. Most parcels
     * have one or none: no list is built or sorted for them.
     */
    private static List<OrderVerdict> linkedOrders(Shipment s, List<OrderVerdict> namingIt, Map<String, OrderVerdict> orders) {
        List<OrderVerdict> naming = namingIt == null ? List.of() : namingIt;
        OrderVerdict named = s.orderRef() == null ? null : orders.get(s.orderRef());
        if (named == null || naming.contains(named)) {
            if (naming.size() < 2) {
                return naming;
            }
            named = null;
        } else if (naming.isEmpty()) {
            return List.of(named);
        }
        List<OrderVerdict> linked = new ArrayList<>(naming);
        if (named != null) {
            linked.add(named);
        }
        linked.sort(Comparator.comparing(o -> o.stored().record().naturalKey()));
        return linked;
    }

    /**
     * The screened verdicts of the orders a parcel was linked to, sorted by key as {@link #linkedOrders(Shipment,
     * List, Map)} gives them. Most parcels have one or none: no list is built or sorted for them.
     */
    private static List<OrderVerdict> linkedOrders(List<OrderVerdict> made, Map<String, OrderVerdict> orders) {
        if (made.isEmpty()) {
            return List.of();
        }
        if (made.size() == 1) {
            OrderVerdict o = orders.get(made.get(0).key());
            return o == null ? List.of() : List.of(o);
        }
        List<OrderVerdict> linked = new ArrayList<>(made.size());
        for (OrderVerdict m : made) {
            OrderVerdict o = orders.get(m.key());
            if (o != null) {
                linked.add(o);
            }
        }
        linked.sort(Comparator.comparing(o -> o.stored().record().naturalKey()));
        return linked;
    }

    private static ByWaybill<List<OrderVerdict>> ordersByWaybill(Collection<OrderVerdict> orders) {
        ByWaybill<List<OrderVerdict>> out = new ByWaybill<>();
        for (OrderVerdict o : orders) {
            for (String waybill : o.stored().record().waybills()) {
                List<OrderVerdict> naming = out.computeIfAbsent(waybill, k -> new ArrayList<>());
                if (naming != null) { // null: a waybill no parcel can have
                    naming.add(o);
                }
            }
        }
        return out;
    }
}
