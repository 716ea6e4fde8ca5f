package dev.subsidy.figures;

import dev.subsidy.model.Shipment;
import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;
import java.util.function.Function;

/**
 * A counted record's natural key as a figure holds it until the figure is made: the key's text (an order's, or a
 * parcel's as an order names it) or the parcel itself, whose key is its carrier, a colon and its waybill number. A
 * company's figure counts every parcel of the period, and a string made per parcel for its key was held by the close
 * until its figures were recorded (docs/operations.md "Database"); the parcel is held anyway. Keys compare as their
 * texts do in {@link String#compareTo}, by UTF-16 code unit, whichever form each is in.
 */
final class CountedKeys {

    private CountedKeys() {}

    /** The key's text. */
    static String text(Object key) {
        return key instanceof Shipment parcel ? parcel.naturalKey() : (String) key;
    }

    /** As the keys' texts compare, no text made for a parcel. */
    static int compare(Object a, Object b) {
        if (a instanceof String x && b instanceof String y) {
            return x.compareTo(y);
        }
        if (a instanceof Shipment x && b instanceof Shipment y && x.carrier() == y.carrier()) {
            return x.waybillNo().compareTo(y.waybillNo()); // the same carrier and colon before the numbers
        }
        int la = length(a);
        int lb = length(b);
        for (int i = 0, n = Math.min(la, lb); i < n; i++) {
            char ca = charAt(a, i);
            char cb = charAt(b, i);
            if (ca != cb) {
                return ca - cb;
            }
        }
        return la - lb;
    }

    /** Gives the key's line to the digest, no text made for a parcel. */
    static void addTo(Digest.Lines lines, Object key) {
        if (key instanceof Shipment parcel) {
            lines.add(parcel.carrier().name(), parcel.waybillNo());
        } else {
            lines.add((String) key);
        }
    }

    /** The keys' texts, each made when asked for: the recording of a figure's keys reads them a page at a time. */
    static List<String> texts(List<Object> keys) {
        return texts(keys, CountedKeys::text);
    }

    /** The texts of {@code items}, each got from its item when asked for: no second list of a text per item. */
    static <T> List<String> texts(List<T> items, Function<? super T, String> text) {
        return new Texts<>(items, text);
    }

    private static int length(Object key) {
        return key instanceof Shipment parcel ? parcel.carrier().name().length() + 1 + parcel.waybillNo().length()
                : ((String) key).length();
    }

    private static char charAt(Object key, int i) {
        if (key instanceof Shipment parcel) {
            String carrier = parcel.carrier().name();
            return i < carrier.length() ? carrier.charAt(i) : i == carrier.length() ? ':'
                    : parcel.waybillNo().charAt(i - carrier.length() - 1);
        }
        return ((String) key).charAt(i);
    }

    private static final class Texts<T> extends AbstractList<String> implements RandomAccess {
        private final List<T> items;
        private final Function<? super T, String> text;

        Texts(List<T> items, Function<? super T, String> text) {
            this.items = items;
            this.text = text;
        }

        @Override
        public String get(int index) {
            return text.apply(items.get(index));
        }

        @Override
        public int size() {
            return items.size();
        }
    }
}
