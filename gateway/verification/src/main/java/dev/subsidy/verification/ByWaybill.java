package dev.subsidy.verification;

import dev.subsidy.model.Carrier;
import dev.subsidy.model.Shipment;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Values kept under a parcel's natural key ({@code CARRIER:number}, as an order names its waybills) and found from a
 * parcel's carrier and number. A close looks up each of its millions of parcels this way; building each parcel's key
 * to look it up made and hashed a string per parcel, where the number the parcel holds keeps its hash.
 */
public final class ByWaybill<V> {

    private static final Carrier[] CARRIERS = Carrier.values();

    private final Map<Carrier, Map<String, V>> byCarrier = new EnumMap<>(Carrier.class);
    private boolean empty = true;

    /**
     * The value under {@code naturalKey}, made by {@code make} (given the key) when there is none. A key no parcel can
     * have (no known carrier before its colon) keeps nothing and gives null.
     */
    public V computeIfAbsent(String naturalKey, Function<String, V> make) {
        int colon = naturalKey == null ? -1 : naturalKey.indexOf(':');
        Carrier carrier = colon < 0 ? null : carrier(naturalKey, colon);
        if (carrier == null) {
            return null;
        }
        empty = false;
        return byCarrier.computeIfAbsent(carrier, c -> new HashMap<>())
                .computeIfAbsent(naturalKey.substring(colon + 1), number -> make.apply(naturalKey));
    }

    /** The value under the parcel's natural key, or null. */
    public V get(Shipment parcel) {
        Map<String, V> numbers = byCarrier.get(parcel.carrier());
        return numbers == null ? null : numbers.get(parcel.waybillNo());
    }

    public boolean isEmpty() {
        return empty;
    }

    private static Carrier carrier(String naturalKey, int colon) {
        for (Carrier c : CARRIERS) {
            if (c.name().length() == colon && naturalKey.startsWith(c.name())) {
                return c;
            }
        }
        return null;
    }
}
