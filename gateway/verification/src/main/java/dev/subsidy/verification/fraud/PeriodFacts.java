package dev.subsidy.verification.fraud;

import dev.subsidy.model.Period;
import dev.subsidy.model.SalesOrder;
import dev.subsidy.model.Shipment;
import dev.subsidy.verification.ByWaybill;
import dev.subsidy.verification.Jurisdiction;
import dev.subsidy.verification.OrderVerdict;
import dev.subsidy.verification.ParcelLinks;
import dev.subsidy.verification.RegistrySnapshot;
import dev.subsidy.verification.ShipmentVerdict;
import dev.subsidy.verification.SourceVersion;
import dev.subsidy.verification.StoredShipment;
import dev.subsidy.verification.TraceCheck;
import dev.subsidy.verification.TrustLevel;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What the fraud rules look at for one period: the verdicts so far, the links between parcels and
 * orders, the version history of records that have one, and who the sources are. Built once per
 * close; every rule reads it in one pass or a few grouped ones, never a query per record.
 */
public final class PeriodFacts {

    private final Period period;
    private final Jurisdiction jurisdiction;
    private final RegistrySnapshot registry;
    private final List<ShipmentVerdict> shipments;
    private final Map<String, OrderVerdict> orders;
    private final Map<ShipmentVerdict, List<OrderVerdict>> ordersOfParcel = new IdentityHashMap<>();
    private final Map<OrderVerdict, List<ShipmentVerdict>> parcelsOfOrder = new IdentityHashMap<>();
    /** Whether {@link #link()} has run: read on every question about links, so no lock once it has. */
    private volatile boolean linked;
    private final Map<String, List<SourceVersion<Shipment>>> shipmentHistory;
    private final Map<String, List<SourceVersion<SalesOrder>>> orderHistory;
    private final Function<String, TrustLevel> trust;
    private final Map<String, TraceCheck> traceChecks;
    private final Supplier<Map<String, Map<LocalDate, Integer>>> dailyOrdersAhead;
    private Map<String, Map<LocalDate, Integer>> dailyOrders;
    /** The whole period's census, where the facts hold a slice of its parcels; else counted from them when asked. */
    private ShipmentCensus census;

    public PeriodFacts(Period period, Jurisdiction jurisdiction, RegistrySnapshot registry, List<ShipmentVerdict> shipments,
                    Map<String, OrderVerdict> orders, Map<String, List<SourceVersion<Shipment>>> shipmentHistory,
                    Map<String, List<SourceVersion<SalesOrder>>> orderHistory, Map<String, TraceCheck> traceChecks,
                    Map<String, Map<LocalDate, Integer>> dailyOrders, Function<String, TrustLevel> trust) {
        this(period, jurisdiction, registry, shipments, orders, shipmentHistory, orderHistory, traceChecks,
                () -> dailyOrders, trust);
    }

    /**
     * @param dailyOrders the spike rule's baseline, got when that rule first asks for it: the close reads it while
     *     the links below are made ({@link dev.subsidy.verification.RecordSource#dailyOrdersAhead})
     */
    public PeriodFacts(Period period, Jurisdiction jurisdiction, RegistrySnapshot registry, List<ShipmentVerdict> shipments,
                    Map<String, OrderVerdict> orders, Map<String, List<SourceVersion<Shipment>>> shipmentHistory,
                    Map<String, List<SourceVersion<SalesOrder>>> orderHistory, Map<String, TraceCheck> traceChecks,
                    Supplier<Map<String, Map<LocalDate, Integer>>> dailyOrders, Function<String, TrustLevel> trust) {
        this.traceChecks = traceChecks;
        this.dailyOrdersAhead = dailyOrders;
        this.period = period;
        this.jurisdiction = jurisdiction;
        this.registry = registry;
        this.shipments = shipments;
        this.orders = orders;
        this.shipmentHistory = shipmentHistory;
        this.orderHistory = orderHistory;
        this.trust = trust;
    }

    /**
     * These facts, the rules weighing the parcels against {@code census} rather than against the parcels the facts
     * hold: a close that screens its period a slice at a time gives each slice the census of the whole period.
     */
    public PeriodFacts withCensus(ShipmentCensus census) {
        PeriodFacts facts = new PeriodFacts(period, jurisdiction, registry, shipments, orders, shipmentHistory,
                orderHistory, traceChecks, dailyOrdersAhead, trust);
        facts.census = census;
        return facts;
    }

    /** What the period's parcels add up to ({@link ShipmentCensus}). */
    synchronized ShipmentCensus census() {
        if (census == null) {
            census = ShipmentCensus.of(() -> shipments.stream().map(s -> s.stored().record()).iterator());
        }
        return census;
    }

    /**
     * Links every parcel to the orders it carries, once, by whichever thread asks first; the other waits for it. Made
     * when first asked, not with the facts: the rules that need no links run on the other core meanwhile
     * ({@link FraudScreen}).
     */
    void link() {
        if (linked) {
            return;
        }
        synchronized (this) {
            if (linked) {
                return;
            }
            // from nothing, should an earlier attempt have failed half-way
            ordersOfParcel.clear();
            parcelsOfOrder.clear();
            linkNamedParcels(shipments, orders);
            for (ShipmentVerdict s : shipments) {
                String ref = s.stored().record().orderRef();
                OrderVerdict named = ref == null ? null : orders.get(ref);
                if (named != null && !ordersOfParcel.getOrDefault(s, List.of()).contains(named)) {
                    link(s, named);
                }
            }
            linked = true;
        }
    }

    /**
     * Links each parcel an order names to it, order by order and each order's waybills in turn. Found from the orders'
     * waybills by each parcel's carrier and number, no key built: a map of every parcel by its key held a string per
     * parcel of the period at once (docs/operations.md "Database").
     */
    private void linkNamedParcels(List<ShipmentVerdict> shipments, Map<String, OrderVerdict> orders) {
        ByWaybill<Naming> named = new ByWaybill<>();
        int rank = 0;
        for (OrderVerdict o : orders.values()) {
            for (String waybill : o.stored().record().waybills()) {
                Naming naming = new Naming(rank++, o);
                Naming first = named.computeIfAbsent(waybill, k -> naming);
                if (first != null && first != naming) {
                    // appended at the tail the first one keeps: a waybill a feed names in thousands of orders is not
                    // walked once per order
                    first.last.next = naming;
                    first.last = naming;
                }
            }
        }
        if (named.isEmpty()) {
            return;
        }
        List<Link> found = new ArrayList<>();
        for (ShipmentVerdict s : shipments) {
            for (Naming n = named.get(s.stored().record()); n != null; n = n.next) {
                found.add(new Link(n.rank, s, n.order));
            }
        }
        found.sort(Comparator.comparingInt(Link::rank)); // stable: of two parcels with one key, the later is linked
        for (int i = 0; i < found.size(); i++) {
            if (i + 1 == found.size() || found.get(i + 1).rank() != found.get(i).rank()) {
                link(found.get(i).parcel(), found.get(i).order());
            }
        }
    }

    /**
     * The links {@link #link} made, by each parcel's stored record: what the figures take a parcel's orders from.
     * The lists are the facts' own.
     */
    public ParcelLinks parcelLinks() {
        link();
        IdentityHashMap<StoredShipment, List<OrderVerdict>> byParcel = new IdentityHashMap<>(ordersOfParcel.size());
        ordersOfParcel.forEach((parcel, linked) -> byParcel.put(parcel.stored(), linked));
        return ParcelLinks.of(byParcel);
    }

    /** One waybill of an order, with the next order's naming the same waybill; the first one knows the last. */
    private static final class Naming {
        final int rank;
        final OrderVerdict order;
        Naming next;
        Naming last = this;

        Naming(int rank, OrderVerdict order) {
            this.rank = rank;
            this.order = order;
        }
    }

    private record Link(int rank, ShipmentVerdict parcel, OrderVerdict order) {}

    private void link(ShipmentVerdict s, OrderVerdict o) {
        ordersOfParcel.computeIfAbsent(s, k -> new ArrayList<>(1)).add(o);
        parcelsOfOrder.computeIfAbsent(o, k -> new ArrayList<>(1)).add(s);
    }

    public Period period() {
        return period;
    }

    public Jurisdiction jurisdiction() {
        return jurisdiction;
    }

    public RegistrySnapshot registry() {
        return registry;
    }

    public List<ShipmentVerdict> shipments() {
        return shipments;
    }

    public Collection<OrderVerdict> orders() {
        return orders.values();
    }

    /** The orders under their natural keys, in the facts' order. */
    Map<String, OrderVerdict> ordersByKey() {
        return orders;
    }

    /** The orders a parcel carries (named by it, or naming it). */
    public List<OrderVerdict> ordersOf(ShipmentVerdict parcel) {
        link();
        return ordersOfParcel.getOrDefault(parcel, List.of());
    }

    /** The loaded parcels that carry an order. */
    public List<ShipmentVerdict> parcelsOf(OrderVerdict order) {
        link();
        return parcelsOfOrder.getOrDefault(order, List.of());
    }

    public Map<String, List<SourceVersion<Shipment>>> shipmentHistory() {
        return shipmentHistory;
    }

    public Map<String, List<SourceVersion<SalesOrder>>> orderHistory() {
        return orderHistory;
    }

    /** The carrier's trace check of a parcel, or null when it was not checked. */
    public TraceCheck traceCheck(ShipmentVerdict parcel) {
        // most periods have no check, and asking builds the parcel's key: asked of every parcel of a close
        return traceChecks.isEmpty() ? null : traceChecks.get(parcel.key());
    }

    /** Orders per shop and China-time day before and during the period: the spike rule's baseline. */
    public synchronized Map<String, Map<LocalDate, Integer>> dailyOrders() {
        if (dailyOrders == null) {
            dailyOrders = dailyOrdersAhead.get();
        }
        return dailyOrders;
    }

    public TrustLevel trust(String connector) {
        return trust.apply(connector);
    }

    /** Where a parcel was collected: its origin region, else its registered site's. */
    public String originOf(Shipment s) {
        return s.originRegion() != null ? s.originRegion() : registry.siteRegion(s.carrier(), s.originSite());
    }

    /** Where a parcel was (or is to be) delivered: delivery region, site, else destination. */
    public String arrivalOf(Shipment s) {
        if (s.deliveredRegion() != null) {
            return s.deliveredRegion();
        }
        String site = registry.siteRegion(s.carrier(), s.deliverySite());
        return site != null ? site : s.destRegion();
    }
}
