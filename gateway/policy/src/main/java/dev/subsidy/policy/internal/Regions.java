package dev.subsidy.policy.internal;

import dev.subsidy.model.RegionCode;
import java.util.Collection;

/** GB/T 2260 containment: a code covers every code below it (522633 covers 522633101, 360700 covers 360702). */
final class Regions {

    private Regions() {
    }

    static boolean inside(String region, Collection<String> jurisdiction) {
        return jurisdiction.stream().anyMatch(code -> RegionCode.covers(code, region));
    }
}
