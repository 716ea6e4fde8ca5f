package dev.subsidy.verification.fraud;

import dev.subsidy.model.Carrier;
import dev.subsidy.model.Shipment;
import dev.subsidy.model.WaybillShape;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/**
 * What three rules weigh over a period's whole set of parcels rather than parcel by parcel: how many of each carrier's
 * numbers fit its published shapes (waybill.shape), how many parcels abroad show proof of leaving
 * (crossborder.no-s10), and which waybill cores come up more than once (waybill.same-parcel). Counted in one pass
 * that keeps no parcel, so a close that screens its parcels a slice at a time judges each against the whole period,
 * as a close holding them all does.
 */
public final class ShipmentCensus {

    private static final Carrier[] CARRIERS = Carrier.values();

    private final long parcels;
    private final int[] seen;
    private final int[] misfits;
    private final int abroad;
    private final int proven;
    /** The cores shared by two or more parcels, sorted ({@link SameParcelRule#coreKeys}). */
    private final long[] sharedCores;

    private ShipmentCensus(long parcels, int[] seen, int[] misfits, int abroad, int proven, long[] sharedCores) {
        this.parcels = parcels;
        this.seen = seen;
        this.misfits = misfits;
        this.abroad = abroad;
        this.proven = proven;
        this.sharedCores = sharedCores;
    }

    /**
     * The shares of parcels a period holds at once, no cores counted: the rules that hold every parcel find the shared
     * ones themselves ({@link #sharesCore} then says no).
     */
    static ShipmentCensus of(Iterable<Shipment> parcels) {
        Counter counter = new Counter(false);
        parcels.forEach(counter::add);
        return counter.census();
    }

    /** The parcels counted. */
    public long parcels() {
        return parcels;
    }

    /** Of the carrier's numbers this period, how many its published shapes cover (0 for an unpublished carrier). */
    int seen(Carrier carrier) {
        return seen[carrier.ordinal()];
    }

    /** Of those, how many fit none of its shapes. */
    int misfits(Carrier carrier) {
        return misfits[carrier.ordinal()];
    }

    /** Parcels addressed abroad. */
    int abroad() {
        return abroad;
    }

    /** Of those, how many show proof of leaving the country. */
    int proven() {
        return proven;
    }

    /** Whether the parcel's number shares a core with another parcel of the period: it may be one parcel twice. */
    public boolean sharesCore(Shipment parcel) {
        if (sharedCores.length == 0) {
            return false;
        }
        long[] keys = new long[2];
        SameParcelRule.coreKeys(parcel.waybillNo(), keys, 0);
        return keys[0] != SameParcelRule.NO_CORE && Arrays.binarySearch(sharedCores, keys[0]) >= 0
                || keys[1] != SameParcelRule.NO_CORE && Arrays.binarySearch(sharedCores, keys[1]) >= 0;
    }

    /**
     * Counts parcels one at a time. Holds a long per parcel (its waybill core) and a long per second core: at ten
     * million parcels about 80 MB until {@link #census} sorts them, against a few hundred bytes per parcel held.
     */
    public static final class Counter {
        /** Cores a block; blocks, not one array doubled, so growing never copies what is counted. */
        private static final int BLOCK = 1 << 16;

        private long parcels;
        private final int[] seen = new int[CARRIERS.length];
        private final int[] misfits = new int[CARRIERS.length];
        private int abroad;
        private int proven;
        private final List<long[]> blocks = new ArrayList<>();
        private long[] block = new long[BLOCK];
        private int inBlock;
        private final long[] two = new long[2];
        private final boolean cores;

        /** A counter of every share and of the cores. */
        public Counter() {
            this(true);
        }

        private Counter(boolean cores) {
            this.cores = cores;
        }

        public void add(Shipment r) {
            parcels++;
            if (WaybillShape.published(r.carrier())) {
                seen[r.carrier().ordinal()]++;
                if (!WaybillShape.fits(r.carrier(), r.waybillNo())) {
                    misfits[r.carrier().ordinal()]++;
                }
            }
            if (r.international()) {
                abroad++;
                if (CrossBorderRule.proven(r)) {
                    proven++;
                }
            }
            if (cores) {
                SameParcelRule.coreKeys(r.waybillNo(), two, 0);
                core(two[0]);
                core(two[1]);
            }
        }

        private void core(long key) {
            if (key == SameParcelRule.NO_CORE) {
                return;
            }
            if (inBlock == BLOCK) {
                blocks.add(block);
                block = new long[BLOCK];
                inBlock = 0;
            }
            block[inBlock++] = key;
        }

        /** The census of every parcel added. */
        public ShipmentCensus census() {
            return census(List.of(this));
        }

        /**
         * The census of every parcel the counters added, as if one had added them all: a census is sums and a sorted
         * set of cores, the same whichever thread counted which parcel. Their cores are copied into one array once.
         */
        public static ShipmentCensus census(Collection<Counter> counters) {
            long parcels = 0;
            int[] seen = new int[CARRIERS.length];
            int[] misfits = new int[CARRIERS.length];
            int abroad = 0;
            int proven = 0;
            long cores = 0;
            for (Counter c : counters) {
                parcels += c.parcels;
                for (int k = 0; k < seen.length; k++) {
                    seen[k] += c.seen[k];
                    misfits[k] += c.misfits[k];
                }
                abroad += c.abroad;
                proven += c.proven;
                cores += (long) c.blocks.size() * BLOCK + c.inBlock;
            }
            long[] all = new long[Math.toIntExact(cores)];
            int at = 0;
            for (Counter c : counters) {
                for (long[] b : c.blocks) {
                    System.arraycopy(b, 0, all, at, BLOCK);
                    at += BLOCK;
                }
                System.arraycopy(c.block, 0, all, at, c.inBlock);
                at += c.inBlock;
                c.blocks.clear();
            }
            Arrays.sort(all);
            int shared = 0;
            for (int i = 1; i < all.length; i++) {
                if (all[i] == all[i - 1] && (shared == 0 || all[shared - 1] != all[i])) {
                    all[shared++] = all[i];
                }
            }
            return new ShipmentCensus(parcels, seen, misfits, abroad, proven, Arrays.copyOf(all, shared));
        }
    }
}
