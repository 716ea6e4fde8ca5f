package dev.subsidy.policy.internal;

import java.util.Collection;

/** GB/T 2260 containment: a code covers every code below it (522633 covers 522633101, 360700 covers 360702). */
final class Regions {

    private Regions() {
    }

    static boolean inside(String region, Collection<String> jurisdiction) {
        return jurisdiction.stream().anyMatch(code -> region.startsWith(significant(code)));
    }

    // A six-digit code's trailing "00" pairs mean "all below"; longer town/village codes are exact prefixes.
    private static String significant(String code) {
        String s = code;
        if (s.length() == 6) {
            while (s.length() > 2 && s.endsWith("00")) {
                s = s.substring(0, s.length() - 2);
            }
        }
        return s;
    }
}
