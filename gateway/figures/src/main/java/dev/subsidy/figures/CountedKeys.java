package dev.subsidy.figures;

import dev.subsidy.model.SalesOrder;
import dev.subsidy.model.Shipment;
import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;
import java.util.function.Function;

/**
 * A counted record's natural key as a figure holds it until the figure is made: the key's text, or the record itself,
 * whose key is a name, a colon and a number (a parcel's carrier and waybill number, an order's platform and order id).
 * A company's figure counts every parcel of the period and a seller's every order, and a string made per record for
 * its key was held by the close until its figures were recorded (docs/operations.md "Database"); the record is held
 * anyway. Keys compare as their texts do in {@link String#compareTo}, by UTF-16 code unit, whichever form each is in.
 */
final class CountedKeys {

    private CountedKeys() {}

    /** The key's text. */
    static String text(Object key) {
        if (key instanceof Shipment parcel) {
            return parcel.naturalKey();
        }
        return key instanceof SalesOrder order ? order.naturalKey() : (String) key;
    }

    /** As the keys' texts compare, no text made for a record. */
    static int compare(Object a, Object b) {
        if (a instanceof String x && b instanceof String y) {
            return x.compareTo(y);
        }
        String na = name(a);
        if (na != null && na == name(b)) {
            return number(a).compareTo(number(b)); // the same name and colon before the numbers
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

    /** Gives the key's line to the digest, no text made for a record. */
    static void addTo(Digest.Lines lines, Object key) {
        String name = name(key);
        if (name != null) {
            lines.add(name, number(key));
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

    /** What comes before the colon of a record's key (an enum constant's name, one string each), or null for text. */
    private static String name(Object key) {
        if (key instanceof Shipment parcel) {
            return parcel.carrier().name();
        }
        return key instanceof SalesOrder order ? order.platform().name() : null;
    }

    /** What comes after the colon of a record's key. */
    private static String number(Object key) {
        return key instanceof Shipment parcel ? parcel.waybillNo() : ((SalesOrder) key).orderId();
    }

    private static int length(Object key) {
        String name = name(key);
        return name != null ? name.length() + 1 + number(key).length() : ((String) key).length();
    }

    private static char charAt(Object key, int i) {
        String name = name(key);
        if (name != null) {
            return i < name.length() ? name.charAt(i) : i == name.length() ? ':' : number(key).charAt(i - name.length() - 1);
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
