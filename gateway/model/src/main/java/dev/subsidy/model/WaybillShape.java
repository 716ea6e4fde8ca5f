package dev.subsidy.model;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The published shapes of carriers' waybill numbers (docs/partners.md "Waybill number shapes"), and UPU S10
 * identifiers of international postal items.
 *
 * <p>Public lists disagree and carriers add ranges, so a number that fits no shape of its carrier is
 * a signal for review (SUSPECT), never a reason to reject a record on its own. Carriers that publish
 * no shape (EMS domestic, Deppon, other) are not checked. Source: the carriers' published lists as
 * restated in docs/partners.md; S10 from UPU standard S10 (check digit weights 8, 6, 4, 2, 3, 5, 9, 7).
 */
public final class WaybillShape {

    private static final Map<Carrier, List<Pattern>> SHAPES = new EnumMap<>(Carrier.class);
    private static final int[] S10_WEIGHTS = {8, 6, 4, 2, 3, 5, 9, 7};

    static {
        SHAPES.put(Carrier.SF, patterns("SF[0-9]{13}", "[0-9]{12}"));
        SHAPES.put(Carrier.ZTO, patterns("7[3-6][0-9]{12}", "78[0-9]{12}"));
        SHAPES.put(Carrier.YTO, patterns("YT[0-9]{13}"));
        SHAPES.put(Carrier.JT, patterns("JT[0-9]{13}"));
        SHAPES.put(Carrier.YUNDA, patterns("[0-9]{13}", "[0-9]{15}"));
        SHAPES.put(Carrier.STO, patterns("(77|43)[0-9]{12,15}"));
        SHAPES.put(Carrier.JD, patterns("JD[A-Z0-9]+"));
        SHAPES.put(Carrier.CAINIAO, patterns("LP[0-9]{14}"));
    }

    private WaybillShape() {
    }

    private static List<Pattern> patterns(String... regexes) {
        return Arrays.stream(regexes).map(Pattern::compile).toList();
    }

    /** Whether the carrier publishes shapes for its numbers. */
    public static boolean published(Carrier carrier) {
        return SHAPES.containsKey(carrier);
    }

    /**
     * Whether the number fits one of the carrier's published shapes, or is a valid S10 identifier
     * (carriers hand international legs to posts); true when the carrier publishes none.
     */
    public static boolean fits(Carrier carrier, String waybillNo) {
        List<Pattern> shapes = SHAPES.get(carrier);
        if (shapes == null || isS10(waybillNo)) {
            return true;
        }
        String n = waybillNo == null ? "" : waybillNo;
        // a loop, not a stream: asked of every shipment of a close
        Matcher[] matchers = MATCHERS.get().computeIfAbsent(carrier, c -> new Matcher[shapes.size()]);
        for (int i = 0; i < matchers.length; i++) {
            if (matchers[i] == null) {
                matchers[i] = shapes.get(i).matcher(n);
            } else {
                matchers[i].reset(n);
            }
            if (matchers[i].matches()) {
                return true;
            }
        }
        return false;
    }

    /**
     * Each thread's matchers of the shapes, reset for each number: a matcher made per number was most of what checking
     * a close's millions of parcels cost. A matcher serves one thread at a time.
     */
    private static final ThreadLocal<Map<Carrier, Matcher[]>> MATCHERS =
            ThreadLocal.withInitial(() -> new EnumMap<>(Carrier.class));

    /** A reason when the number fits none of the carrier's shapes; empty when it fits. */
    public static Optional<String> warning(Carrier carrier, String waybillNo) {
        return fits(carrier, waybillNo) ? Optional.empty()
                : Optional.of(carrier + " waybill number '" + waybillNo + "' fits none of the carrier's published shapes");
    }

    /**
     * Whether the text is a UPU S10 identifier (two letters, eight digits, a check digit, two letters)
     * with a correct check digit. Letters must be upper case, no spaces.
     */
    public static boolean isS10(String id) {
        if (id == null || !s10Shape(id)) {
            return false;
        }
        return s10CheckDigit(id.substring(2, 10)) == id.charAt(10) - '0';
    }

    /** {@code [A-Z]{2}[0-9]{9}[A-Z]{2}} as a scan: asked of every shipment of a close, most of which are not. */
    private static boolean s10Shape(String id) {
        if (id.length() != 13) {
            return false;
        }
        for (int i = 0; i < 13; i++) {
            char c = id.charAt(i);
            boolean letter = c >= 'A' && c <= 'Z';
            boolean digit = c >= '0' && c <= '9';
            if (i < 2 || i > 10 ? !letter : !digit) {
                return false;
            }
        }
        return true;
    }

    /**
     * The S10 check digit of an eight-digit serial: c = 11 − (Σ mod 11), 10 becomes 0, 11 becomes 5.
     *
     * @throws IllegalArgumentException when the serial is not exactly eight ASCII digits
     */
    public static int s10CheckDigit(String serial) {
        if (serial == null || !serial.matches("[0-9]{8}")) {
            throw new IllegalArgumentException("an S10 serial number is eight digits");
        }
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            sum += (serial.charAt(i) - '0') * S10_WEIGHTS[i];
        }
        int c = 11 - (sum % 11);
        return c == 10 ? 0 : c == 11 ? 5 : c;
    }
}
