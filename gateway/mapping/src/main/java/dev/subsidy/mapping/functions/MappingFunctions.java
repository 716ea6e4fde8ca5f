package dev.subsidy.mapping.functions;

import com.schibsted.spt.data.jslt.Function;
import java.util.List;

/**
 * The extension functions registered with every mapping:
 * <ul>
 *   <li>{@code fen-to-yuan(fen)}: {@code 12345 → "123.45"} (Douyin's integer fen);</li>
 *   <li>{@code yuan(amount)}: a yuan number or text, exactly, with two decimals:
 *       {@code 200.1 → "200.10"} (Pinduoduo's JSON numbers, a CSV's {@code ¥1,234.5});</li>
 *   <li>{@code yuan-sum(amounts)}: the exact sum of an array of yuan amounts, {@code "0.00"} when empty;</li>
 *   <li>{@code unix-to-iso(seconds)}: {@code 1772332200 → "2026-03-01T10:30:00+08:00"};</li>
 *   <li>{@code china-time-to-iso(text)}: a wall-clock time in China (UTC+8), as partners and exports
 *       write it ({@code 2026-03-01 10:30:00}, {@code 2026/3/1 10:30}, {@code 2026-03-01}), to ISO-8601
 *       with {@code +08:00};</li>
 *   <li>{@code earliest(items[, key])} / {@code latest(items[, key])}: the earliest or latest of ISO-8601
 *       times, or of objects by the time in their {@code key}: the collection scan of an unsorted trace;</li>
 *   <li>{@code carrier-code(name)}: a carrier's name or code as partners write it ({@code 中通快递},
 *       {@code zhongtong}, {@code YD}) to the standard code ({@code ZTO}, {@code YUNDA}), {@code OTHER} when
 *       unknown.</li>
 *   <li>{@code region-code(place)}: a place name ({@code 广州市}, {@code 广东省广州市天河区}) to its
 *       six-digit division code, null when it names none unambiguously ({@link RegionNames}).</li>
 * </ul>
 * Stateless and thread-safe.
 */
public final class MappingFunctions {

    private static final List<Function> ALL = List.of(
            new FenToYuan(), new Yuan(), new YuanSum(), new UnixToIso(), new ChinaTimeToIso(),
            TimeExtreme.earliest(), TimeExtreme.latest(), new CarrierCode(), new RegionCode());

    private MappingFunctions() {}

    /** Every extension function, to register with JSLT's parser. */
    public static List<Function> all() {
        return ALL;
    }
}
