package dev.subsidy.verification;

import dev.subsidy.model.Platform;
import dev.subsidy.model.SalesOrder;
import java.util.AbstractList;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * Orders, or what is made of them, under their natural keys ({@code PLATFORM:orderId}) in the order they were put, the
 * keys not held: a key is read from its value's order when asked for, and a key asked for is matched against the
 * orders by its platform and id where it lies. A close holds its period's orders under their keys, millions of them,
 * and a linked map held an entry and a key string per order besides the order (about 100 bytes,
 * docs/operations.md "Database"); this holds an index in a table of ints and a hash per order. Keys are added, never removed.
 *
 * @param <V> what is held per order
 */
public final class ByOrderKey<V> extends AbstractMap<String, V> {

    private static final Platform[] PLATFORMS = Platform.values();
    private static final int EMPTY = -1;

    private final Function<? super V, SalesOrder> orderOf;
    private Object[] values;
    /**
     * Each value's hash, by its index: a key asked for is compared with a held order only when their hashes agree, so a
     * key held by no order (a parcel naming an order never sent) reads no order on its way.
     */
    private int[] hashes;
    private int size;
    /** Each slot the index of a value in {@link #values}, or {@link #EMPTY}; never more than half full. */
    private int[] slots;

    /** @param orderOf the order a value is held under */
    public ByOrderKey(Function<? super V, SalesOrder> orderOf) {
        this(orderOf, 16);
    }

    /** @param expected how many orders it will hold, so that it does not grow on the way */
    public ByOrderKey(Function<? super V, SalesOrder> orderOf, int expected) {
        this.orderOf = orderOf;
        int capacity = Math.max(16, expected);
        this.values = new Object[capacity];
        this.hashes = new int[capacity];
        this.slots = emptySlots(Integer.highestOneBit(Math.max(8, capacity - 1)) << 2);
    }

    /**
     * {@code values}, one per order of {@code source} and in its order, each under its order's key: when the source
     * is one of these, its table of keys is copied rather than made again (three maps of a close's orders, each of
     * millions, hashed and placed one order at a time).
     *
     * @throws IllegalArgumentException when a value's order is not the source's order at its place
     */
    public static <V, W> ByOrderKey<W> of(Map<String, V> source, List<? extends W> values,
                                         Function<? super W, SalesOrder> orderOf) {
        if (values.size() != source.size()) {
            throw new IllegalArgumentException(values.size() + " values for " + source.size() + " orders");
        }
        if (!(source instanceof ByOrderKey<V> held)) {
            // a map keyed some other way: each value must be of the order its source key names, so nothing is
            // re-keyed or, two keys naming one order, dropped without a word
            ByOrderKey<W> made = new ByOrderKey<>(orderOf, values.size());
            Iterator<String> keys = source.keySet().iterator();
            for (W value : values) {
                String key = keys.next();
                SalesOrder order = orderOf.apply(value);
                if (!isKeyOf(key, order)) {
                    throw new IllegalArgumentException("order " + order.naturalKey() + " given in the place of " + key);
                }
                made.place(value, order);
            }
            return made;
        }
        ByOrderKey<W> copy = new ByOrderKey<>(orderOf, held.slots.clone(), Arrays.copyOf(held.hashes, held.size),
                new Object[held.size]);
        for (int i = 0; i < held.size; i++) {
            W value = values.get(i);
            SalesOrder now = orderOf.apply(value);
            SalesOrder was = held.orderOf.apply(held.value(i));
            if (now != was && (now.platform() != was.platform() || !now.orderId().equals(was.orderId()))) {
                throw new IllegalArgumentException("order " + now.naturalKey() + " given in the place of " + was.naturalKey());
            }
            copy.values[i] = value;
        }
        copy.size = held.size;
        return copy;
    }

    private ByOrderKey(Function<? super V, SalesOrder> orderOf, int[] slots, int[] hashes, Object[] values) {
        this.orderOf = orderOf;
        this.slots = slots;
        this.hashes = hashes;
        this.values = values;
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public boolean containsKey(Object key) {
        return indexOf(key) >= 0;
    }

    @Override
    public V get(Object key) {
        int i = indexOf(key);
        return i < 0 ? null : value(i);
    }

    /**
     * Puts {@code value} under its order's key, in place of the value held there (which keeps its place in the order),
     * or after the others.
     *
     * @throws IllegalArgumentException when {@code key} is not the key of {@code value}'s order
     */
    @Override
    public V put(String key, V value) {
        SalesOrder order = orderOf.apply(value);
        if (!isKeyOf(key, order)) {
            throw new IllegalArgumentException("order " + order.naturalKey() + " put under the key " + key);
        }
        return place(value, order);
    }

    /** As {@link #put}, under the key of {@code value}'s own order, no key given or made. */
    public V add(V value) {
        return place(value, orderOf.apply(value));
    }

    private V place(V value, SalesOrder order) {
        int hash = hash(order.platform(), order.orderId(), 0);
        int slot = slotOf(order.platform(), order.orderId(), hash);
        int i = slots[slot];
        if (i != EMPTY) {
            V old = value(i);
            values[i] = value;
            return old;
        }
        append(slot, value, hash);
        return null;
    }

    @Override
    public V putIfAbsent(String key, V value) {
        V held = get(key);
        return held != null ? held : put(key, value);
    }

    /** The values in the order they were first put, as a list: no entry made for them. */
    @Override
    public Collection<V> values() {
        return new AbstractList<>() {
            @Override
            public V get(int index) {
                return value(index);
            }

            @Override
            public int size() {
                return size;
            }
        };
    }

    @Override
    public void forEach(BiConsumer<? super String, ? super V> action) {
        for (int i = 0; i < size; i++) {
            V v = value(i);
            action.accept(orderOf.apply(v).naturalKey(), v);
        }
    }

    /** Each entry made when it is reached, its key built from its order. */
    @Override
    public Set<Entry<String, V>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Entry<String, V>> iterator() {
                return new Iterator<>() {
                    private int next;

                    @Override
                    public boolean hasNext() {
                        return next < size;
                    }

                    @Override
                    public Entry<String, V> next() {
                        if (next >= size) {
                            throw new NoSuchElementException();
                        }
                        V v = value(next++);
                        return new SimpleImmutableEntry<>(orderOf.apply(v).naturalKey(), v);
                    }
                };
            }

            @Override
            public int size() {
                return size;
            }
        };
    }

    @SuppressWarnings("unchecked")
    private V value(int i) {
        return (V) values[i];
    }

    private void append(int slot, V value, int hash) {
        if (size == values.length) {
            values = Arrays.copyOf(values, Math.max(16, size + (size >> 1)));
            hashes = Arrays.copyOf(hashes, values.length);
        }
        values[size] = value;
        hashes[size] = hash;
        slots[slot] = size++;
        if (size * 2 > slots.length) {
            rehash();
        }
    }

    private void rehash() {
        slots = emptySlots(slots.length * 2);
        int mask = slots.length - 1;
        for (int i = 0; i < size; i++) {
            // every held key is distinct: the first empty slot on its way is its place, no order read
            int slot = hashes[i] & mask;
            while (slots[slot] != EMPTY) {
                slot = (slot + 1) & mask;
            }
            slots[slot] = i;
        }
    }

    /** Where {@code key} is held, or -1: its platform and id compared where they lie in it, no string made. */
    private int indexOf(Object key) {
        if (!(key instanceof String text)) {
            return -1;
        }
        int colon = text.indexOf(':');
        Platform platform = colon < 0 ? null : platform(text, colon);
        if (platform == null) {
            return -1;
        }
        int mask = slots.length - 1;
        int hash = hash(platform, text, colon + 1);
        for (int slot = hash & mask; ; slot = (slot + 1) & mask) {
            int i = slots[slot];
            if (i == EMPTY) {
                return -1;
            }
            if (hashes[i] != hash) {
                continue;
            }
            SalesOrder o = orderOf.apply(value(i));
            String id = o.orderId();
            if (o.platform() == platform && id.length() == text.length() - colon - 1
                    && text.regionMatches(colon + 1, id, 0, id.length())) {
                return i;
            }
        }
    }

    /** The slot holding this order, or the empty one where it would go. */
    private int slotOf(Platform platform, String orderId, int hash) {
        int mask = slots.length - 1;
        for (int slot = hash & mask; ; slot = (slot + 1) & mask) {
            int i = slots[slot];
            if (i == EMPTY) {
                return slot;
            }
            if (hashes[i] != hash) {
                continue;
            }
            SalesOrder o = orderOf.apply(value(i));
            if (o.platform() == platform && o.orderId().equals(orderId)) {
                return slot;
            }
        }
    }

    private static boolean isKeyOf(String key, SalesOrder order) {
        String name = order.platform().name();
        String id = order.orderId();
        return key != null && key.length() == name.length() + 1 + id.length() && key.startsWith(name)
                && key.charAt(name.length()) == ':' && key.regionMatches(name.length() + 1, id, 0, id.length());
    }

    /** The platform named before the colon, or null when none is. */
    private static Platform platform(String key, int colon) {
        for (Platform p : PLATFORMS) {
            String name = p.name();
            if (name.length() == colon && key.regionMatches(0, name, 0, colon)) {
                return p;
            }
        }
        return null;
    }

    /** The platform's and the id's hash, the id read from {@code text} at {@code from} to its end. */
    private static int hash(Platform platform, String text, int from) {
        int h = platform.ordinal();
        for (int i = from; i < text.length(); i++) {
            h = 31 * h + text.charAt(i);
        }
        int x = h * 0x9E3779B9; // spread: ids that differ in their last digit land far apart
        return x ^ (x >>> 16);
    }

    private static int[] emptySlots(int length) {
        int[] slots = new int[length];
        Arrays.fill(slots, EMPTY);
        return slots;
    }
}
