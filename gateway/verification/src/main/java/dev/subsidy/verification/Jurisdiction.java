package dev.subsidy.verification;

import dev.subsidy.model.RegionCode;
import java.util.ArrayList;
import java.util.List;

/**
 * 辖区: the configured set of division codes that count as "inside". A code covers every code
 * below it (522633 covers 522633101 and 522633101001). A code that is not a division code is
 * refused when the jurisdiction is made, so a wrong setting stops the gateway at startup.
 */
public final class Jurisdiction {

    private final String name;
    private final List<String> regions;
    private final List<String> prefixes;

    public Jurisdiction(String name, List<String> regions) {
        List<String> bad = regions.stream().filter(r -> !RegionCode.isValid(r)).toList();
        if (!bad.isEmpty()) {
            throw new IllegalArgumentException(
                    "not division codes of 6, 9 or 12 digits: " + bad);
        }
        this.name = name;
        this.regions = List.copyOf(regions);
        List<String> p = new ArrayList<>();
        for (String r : regions) {
            p.add(RegionCode.coveringPrefix(r));
        }
        this.prefixes = List.copyOf(p);
    }

    public String name() {
        return name;
    }

    public List<String> regions() {
        return regions;
    }

    /** Whether the code lies inside; an unknown (null) code is never inside. */
    public boolean contains(String regionCode) {
        if (regionCode == null) {
            return false;
        }
        for (String prefix : prefixes) {
            if (regionCode.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the code lies certainly outside: neither inside nor a coarser code covering part of the
     * jurisdiction (a trace that names only the prefecture 522600 of a county 522633 does not say the
     * parcel was elsewhere). An unknown (null) code is not certainly outside.
     */
    public boolean certainlyOutside(String regionCode) {
        if (regionCode == null || contains(regionCode)) {
            return false;
        }
        String covering = RegionCode.isValid(regionCode) ? RegionCode.coveringPrefix(regionCode) : regionCode;
        for (String prefix : prefixes) {
            if (prefix.startsWith(covering)) {
                return false;
            }
        }
        return true;
    }
}
