package dev.subsidy.verification;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The orders each parcel of a period is linked to, as the fraud rules linked them: the orders naming its waybill and
 * the order it names, the links docs/figures.md "Parcel metrics" takes the order behind a parcel from. Kept by the
 * parcel's stored record, the one object every verdict on that parcel holds, so the figures find a parcel's orders
 * without looking its waybill up among every order's again (a third of computing the figures of the bench's month,
 * with a map of every order's waybills held meanwhile: docs/operations.md "Database").
 */
public final class ParcelLinks {

    /** Links nobody made: whoever needs them finds them. */
    public static final ParcelLinks UNKNOWN = new ParcelLinks(null);

    private final Map<StoredShipment, List<OrderVerdict>> byParcel;

    private ParcelLinks(Map<StoredShipment, List<OrderVerdict>> byParcel) {
        this.byParcel = byParcel;
    }

    /**
     * The links in {@code byParcel}, keyed by identity: the verdicts on the orders are those the links were made
     * with, which may since have been screened again; only their keys are meant to be read.
     */
    public static ParcelLinks of(IdentityHashMap<StoredShipment, List<OrderVerdict>> byParcel) {
        return new ParcelLinks(byParcel);
    }

    public boolean known() {
        return byParcel != null;
    }

    /** The orders linked to this parcel, in no particular order, each as often as it was linked; empty for none. */
    public List<OrderVerdict> ordersOf(StoredShipment parcel) {
        if (byParcel == null) {
            throw new IllegalStateException("no links were made: the parcels' orders are to be found by their waybills");
        }
        return byParcel.getOrDefault(parcel, List.of());
    }
}
