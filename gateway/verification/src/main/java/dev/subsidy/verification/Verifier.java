package dev.subsidy.verification;

import dev.subsidy.model.CreditCode;
import dev.subsidy.model.Period;
import dev.subsidy.model.RecordStatus;
import dev.subsidy.model.SalesOrder;
import dev.subsidy.model.Shipment;
import dev.subsidy.model.Subject;
import dev.subsidy.model.SubjectType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * First-version verification (核验): places each record inside or outside the jurisdiction,
 * attributes it to a registered subject, and marks it VERIFIED, SUSPECT (a consistency signal a
 * person should look at) or REJECTED (ineligible), with every reason. Pure: the same records and
 * registry give the same verdicts.
 */
public final class Verifier {

    private final Jurisdiction jurisdiction;
    private final RegistrySnapshot registry;

    public Verifier(Jurisdiction jurisdiction, RegistrySnapshot registry) {
        this.jurisdiction = jurisdiction;
        this.registry = registry;
    }

    /** Verifies every record the source holds for the period. */
    public PeriodVerdicts verify(Period period, RecordSource records) {
        return verify(period, records, SecondCore.NONE);
    }

    /** As {@link #verify(Period, RecordSource)}, each record on whichever of the two threads is free. */
    public PeriodVerdicts verify(Period period, RecordSource records, SecondCore cores) {
        RecordSource.Read read = records.read(period);
        List<OrderVerdict> verified = cores.map(List.copyOf(read.orders().values()), this::verify);
        // under each order's own key: no key string held per order of the period (ByOrderKey)
        Map<String, OrderVerdict> orderVerdicts = ByOrderKey.of(read.orders(), verified, v -> v.stored().record());
        return new PeriodVerdicts(period, cores.map(read.shipments(), this::verify), orderVerdicts);
    }

    public OrderVerdict verify(StoredOrder stored) {
        SalesOrder o = stored.record();
        List<Finding> findings = new ArrayList<>();
        Subject seller = registry.shopOwner(o.platform(), o.shopId());
        if (seller == null && o.merchantId() != null) {
            seller = registry.subject(o.merchantId());
        }
        if (seller == null) {
            findings.add(Finding.rejected(Rules.SHOP_UNREGISTERED,
                    "shop " + o.platform() + ":" + o.shopId() + " is not registered to any subject"));
        } else if (seller.type() != SubjectType.MERCHANT && seller.type() != SubjectType.STATION) {
            findings.add(Finding.rejected(Rules.SELLER_TYPE, "shop " + o.platform() + ":" + o.shopId() + " belongs to "
                    + seller.type() + " " + seller.id() + ", not a merchant or station"));
        } else if (!jurisdiction.contains(seller.region())) {
            findings.add(Finding.rejected(Rules.SELLER_OUTSIDE,
                    "seller " + seller.id() + " is registered outside the jurisdiction (" + seller.region() + ")"));
        }
        if (o.merchantId() != null) {
            if (!CreditCode.isValid(o.merchantId())) {
                findings.add(Finding.suspect(Rules.CREDIT_CODE, "merchantId " + o.merchantId() + " fails the credit code check"));
            }
            if (seller != null && !seller.id().equals(o.merchantId())) {
                findings.add(Finding.suspect(Rules.MERCHANT_MISMATCH,
                        "merchantId " + o.merchantId() + " differs from the shop's registered owner " + seller.id()));
            }
        }
        // rejected or not is the status the findings give: asked of every order of a close, so no stream
        boolean eligible = Finding.statusOf(findings) != RecordStatus.REJECTED;
        return OrderVerdict.of(stored, findings, eligible ? seller : null);
    }

    public ShipmentVerdict verify(StoredShipment stored) {
        Shipment s = stored.record();
        List<Finding> findings = new ArrayList<>();
        String origin = s.originRegion() != null ? s.originRegion() : registry.siteRegion(s.carrier(), s.originSite());
        String arrival = arrivalRegion(s);
        boolean outsideDestination = s.destCountry() != null && !"CN".equals(s.destCountry())
                || s.destRegion() != null && !jurisdiction.contains(s.destRegion());
        Direction direction;
        if (origin == null) {
            direction = Direction.UNKNOWN;
            findings.add(Finding.suspect(Rules.ORIGIN_UNPLACED, "origin cannot be placed: no originRegion and site "
                    + s.carrier() + ":" + s.originSite() + " is not in the registry"));
        } else if (jurisdiction.contains(origin)) {
            direction = outsideDestination ? Direction.OUTBOUND : Direction.LOCAL;
        } else if (jurisdiction.contains(arrival)) {
            direction = Direction.INBOUND;
        } else {
            direction = Direction.UNRELATED;
            findings.add(Finding.rejected(Rules.UNRELATED, "neither collected nor delivered inside the jurisdiction"));
        }
        if (s.deliveredAt() != null && s.deliveredAt().isBefore(s.collectedAt())) {
            findings.add(Finding.suspect(Rules.DELIVERED_BEFORE_COLLECTED, "delivered before it was collected"));
        }
        if (s.shipperId() != null && !CreditCode.isValid(s.shipperId())) {
            findings.add(Finding.suspect(Rules.CREDIT_CODE, "shipperId " + s.shipperId() + " fails the credit code check"));
        }
        Subject company = null;
        if (direction == Direction.OUTBOUND) {
            company = attribute(s, s.originSite(), "collecting", findings);
        } else if (direction == Direction.INBOUND) {
            company = attribute(s, s.deliverySite(), "delivering", findings);
        }
        var countsAt = direction == Direction.INBOUND && s.deliveredAt() != null ? s.deliveredAt() : s.collectedAt();
        return ShipmentVerdict.of(stored, findings, direction, company, countsAt);
    }

    /** Where the parcel ends up: delivery region, else the delivery site's, else the destination. */
    private String arrivalRegion(Shipment s) {
        if (s.deliveredRegion() != null) {
            return s.deliveredRegion();
        }
        String site = registry.siteRegion(s.carrier(), s.deliverySite());
        return site != null ? site : s.destRegion();
    }

    /**
     * The express company behind a scan: the owner of the registered site; with no site named, the
     * one registered local company operating the carrier; otherwise nobody, and the record is SUSPECT.
     */
    private Subject attribute(Shipment s, String site, String role, List<Finding> findings) {
        if (site != null) {
            Subject owner = registry.siteOwner(s.carrier(), site);
            if (owner != null && owner.type() == SubjectType.EXPRESS_COMPANY && jurisdiction.contains(owner.region())) {
                return owner;
            }
            if (owner != null) {
                findings.add(Finding.suspect(Rules.UNATTRIBUTABLE, "unattributable: " + role + " site " + s.carrier() + ":"
                        + site + " belongs to " + owner.id() + ", not a local express company"));
                return null;
            }
        }
        List<Subject> candidates = registry.localCompanies(s.carrier());
        if (candidates.size() == 1) {
            return candidates.get(0);
        }
        String where = site == null ? "no " + role + " site named" : role + " site " + s.carrier() + ":" + site + " is not registered";
        findings.add(Finding.suspect(Rules.UNATTRIBUTABLE, "unattributable: " + where + " and " + (candidates.isEmpty()
                ? "no registered local company operates " + s.carrier()
                : candidates.size() + " local companies operate " + s.carrier() + " ("
                        + candidates.stream().map(Subject::id).collect(Collectors.joining(", ")) + ")")));
        return null;
    }
}
