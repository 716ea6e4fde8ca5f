package dev.subsidy.simulators.carriers;

import java.util.List;

/**
 * One scan of the trace every simulator serves, in neutral terms; each simulator writes it in its
 * carrier's vocabulary and order. The parcel is collected in 从江 (Qiandongnan), passes Guangzhou's hub
 * and is signed for in Tianhe, Guangzhou.
 *
 * @param time China wall-clock time
 * @param kind what the scan is
 * @param site the site's code
 * @param siteName the site's name
 * @param city the city the carrier names
 * @param areaCode a 12-digit division code, as kuaidi100 gives it
 */
record Scan(String time, Kind kind, String site, String siteName, String city, String areaCode) {

    enum Kind { COLLECT, ARRIVE, SIGN }

    /** The trace, in time order. */
    static final List<Scan> TRACE = List.of(
            new Scan("2026-03-01 16:45:00", Kind.COLLECT, "CJ-01", "从江县城", "黔东南苗族侗族自治州", "522633000000"),
            new Scan("2026-03-02 19:37:05", Kind.ARRIVE, "GZ-00", "广州转运中心", "广州市", "440100000000"),
            new Scan("2026-03-03 11:20:31", Kind.SIGN, "GZ-88", "广州天河五山", "广州市", "440106000000"));

    /** Sign scan first, then collection, then arrival: the order SF's routes may come in. */
    static List<Scan> unsorted() {
        return List.of(TRACE.get(2), TRACE.get(0), TRACE.get(1));
    }

    /** Newest first, as J&amp;T and kuaidi100 list scans. */
    static List<Scan> newestFirst() {
        return List.of(TRACE.get(2), TRACE.get(1), TRACE.get(0));
    }
}
