package dev.subsidy.verification.fraud;

import dev.subsidy.model.Carrier;
import dev.subsidy.model.Shipment;
import dev.subsidy.model.WaybillShape;
import dev.subsidy.verification.Finding;
import dev.subsidy.verification.Rules;
import dev.subsidy.verification.ShipmentVerdict;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * waybill.same-parcel: one parcel reported twice in different forms — under no brand (OTHER), with a
 * carrier prefix, separators, zero padding or a suffix — so that its two keys would count it twice. Reports are
 * matched on the number's digits and must agree on the parcel (collected within the window, and the
 * same order or the same destination); two carriers issuing the same digits for different parcels do
 * not. The report in its carrier's own shape from the most trusted source stays; the others are
 * DUPLICATE.
 */
final class SameParcelRule implements FraudRule {

    /** A number with no core. Cores of up to 18 digits are their value, longer ones a negative hash. */
    static final long NO_CORE = Long.MAX_VALUE;
    private static final int EXACT_DIGITS = 18;

    /**
     * Most numbers share their core with no other: the cores are first told apart as numbers, sorted, and only the
     * parcels whose core comes up twice are grouped by its text. Grouping every parcel by its text was most of the
     * rules' time and a map entry per parcel.
     */
    @Override
    public void apply(PeriodFacts facts, Thresholds t, Flags flags) {
        List<ShipmentVerdict> shipments = facts.shipments();
        long[] keys = new long[2 * shipments.size()];
        for (int i = 0; i < shipments.size(); i++) {
            coreKeys(shipments.get(i).stored().record().waybillNo(), keys, 2 * i);
        }
        long[] shared = sharedKeys(keys);
        Map<String, List<ShipmentVerdict>> byCore = new LinkedHashMap<>();
        for (int i = 0; i < shipments.size(); i++) {
            if (Arrays.binarySearch(shared, keys[2 * i]) >= 0 || Arrays.binarySearch(shared, keys[2 * i + 1]) >= 0) {
                ShipmentVerdict s = shipments.get(i);
                for (String core : cores(s.stored().record().waybillNo())) {
                    byCore.computeIfAbsent(core, k -> new ArrayList<>()).add(s);
                }
            }
        }
        Comparator<ShipmentVerdict> keeper = Comparator
                .comparing((ShipmentVerdict s) -> s.stored().record().carrier() == Carrier.OTHER)
                .thenComparing(s -> !WaybillShape.fits(s.stored().record().carrier(), s.stored().record().waybillNo()))
                .thenComparing(s -> !WaybillShape.published(s.stored().record().carrier()))
                .thenComparing(s -> -best(facts, s))
                .thenComparing(s -> s.stored().record().waybillNo().length())
                .thenComparing(ShipmentVerdict::key);
        for (List<ShipmentVerdict> group : byCore.values()) {
            if (group.size() < 2) {
                continue;
            }
            List<ShipmentVerdict> ordered = new ArrayList<>(group);
            ordered.sort(keeper);
            ShipmentVerdict kept = ordered.get(0);
            for (ShipmentVerdict other : ordered.subList(1, ordered.size())) {
                if (sameParcel(kept.stored().record(), other.stored().record(), t)) {
                    flags.parcel(other, Finding.duplicate(Rules.SAME_PARCEL, "the same parcel as " + kept.key()
                            + " reported in another form (" + other.key() + "): counted once, as " + kept.key()));
                }
            }
        }
    }

    /**
     * The number's serial digits — separators, carrier prefixes and letter suffixes dropped — and, for a
     * number ending in a short part after a separator (a sub-waybill {@code -1}), those of the part before
     * it. None for S10 items, whose letters are part of the identity.
     */
    static List<String> cores(String waybillNo) {
        if (waybillNo == null || WaybillShape.isS10(waybillNo)) {
            return List.of();
        }
        List<String> cores = new ArrayList<>(2);
        digits(waybillNo).ifPresent(cores::add);
        String head = beforeShortTail(waybillNo);
        if (head != null) {
            digits(head).filter(c -> !cores.contains(c)).ifPresent(cores::add);
        }
        return cores;
    }

    /**
     * The keys of {@link #cores} put at {@code at} and {@code at + 1} of {@code keys}, {@link #NO_CORE} where it has
     * fewer; read without building the cores' text. Two numbers with the same core have the same key.
     */
    static void coreKeys(String waybillNo, long[] keys, int at) {
        keys[at] = NO_CORE;
        keys[at + 1] = NO_CORE;
        if (waybillNo == null || WaybillShape.isS10(waybillNo)) {
            return;
        }
        keys[at] = coreKey(waybillNo, waybillNo.length());
        String head = beforeShortTail(waybillNo);
        if (head != null) {
            long second = coreKey(head, head.length());
            // the same core twice counts once; two equal hashes may be two cores, kept for the grouping by text
            keys[at + 1] = second == keys[at] && second >= 0 ? NO_CORE : second;
        }
    }

    /** The cores that come up more than once among {@code keys}, sorted. */
    private static long[] sharedKeys(long[] keys) {
        long[] sorted = keys.clone();
        Arrays.sort(sorted);
        int shared = 0;
        for (int i = 1; i < sorted.length && sorted[i] != NO_CORE; i++) {
            if (sorted[i] == sorted[i - 1] && (shared == 0 || sorted[shared - 1] != sorted[i])) {
                sorted[shared++] = sorted[i];
            }
        }
        return Arrays.copyOf(sorted, shared);
    }

    /**
     * The key of {@code digits(text.substring(0, end))}: the same scan, with the digits read into a number, or for
     * more than 18 of them into a negative hash; {@link #NO_CORE} where it finds none.
     */
    static long coreKey(String text, int end) {
        int part = 0; // 0: letters before the digits, 1: the digits, 2: letters after them
        int digits = 0;
        int significant = 0;
        long value = 0;
        long hash = 0xcbf29ce484222325L;
        for (int i = 0; i < end; i++) {
            char c = text.charAt(i);
            boolean digit = c >= '0' && c <= '9';
            if (!digit && !isLetter(c)) {
                continue; // a separator: dropped
            }
            if (digit && part == 2) {
                return NO_CORE;
            }
            if (!digit) {
                part = part == 1 ? 2 : part;
                continue;
            }
            part = 1;
            digits++;
            if (significant == 0 && c == '0') {
                continue; // zero padding
            }
            significant++;
            value = value * 10 + (c - '0');
            hash = (hash ^ c) * 0x100000001b3L;
        }
        if (digits < 8) {
            return NO_CORE;
        }
        return significant <= EXACT_DIGITS ? value : hash | Long.MIN_VALUE;
    }

    /**
     * What {@code (.+)[^A-Z0-9][A-Z0-9]{1,3}} captures when it matches the whole number, else null; a scan, as
     * it runs for every shipment of a close. The tail is the number's last run of {@code A-Z0-9}, so the
     * separator is the character before it; the part before that holds no line terminator ({@code .}).
     */
    static String beforeShortTail(String waybillNo) {
        int n = waybillNo.length();
        int run = 0;
        while (run < n && isSerialChar(waybillNo.charAt(n - 1 - run))) {
            run++;
        }
        int separator = n - 1 - run;
        if (run < 1 || run > 3 || separator < 1) {
            return null;
        }
        for (int i = 0; i < separator; i++) {
            char c = waybillNo.charAt(i);
            if (c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029') {
                return null;
            }
        }
        return waybillNo.substring(0, separator);
    }

    private static boolean isSerialChar(char c) {
        return c >= 'A' && c <= 'Z' || c >= '0' && c <= '9';
    }

    /**
     * What {@code [A-Z]*([0-9]{8,})[A-Z]*} captures once everything but {@code A-Z0-9} is dropped, leading
     * zeros off; a scan rather than three regular expressions, as it runs for every shipment of a close.
     */
    static java.util.Optional<String> digits(String text) {
        StringBuilder kept = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 'A' && c <= 'Z' || c >= '0' && c <= '9') {
                kept.append(c);
            }
        }
        int n = kept.length();
        int from = 0;
        while (from < n && isLetter(kept.charAt(from))) {
            from++;
        }
        int to = from;
        while (to < n && kept.charAt(to) >= '0' && kept.charAt(to) <= '9') {
            to++;
        }
        int end = to;
        while (end < n && isLetter(kept.charAt(end))) {
            end++;
        }
        if (end < n || to - from < 8) {
            return java.util.Optional.empty();
        }
        // zero padding is a form too: 0073100000000001 is 73100000000001
        while (from < to - 1 && kept.charAt(from) == '0') {
            from++;
        }
        return java.util.Optional.of(kept.substring(from, to));
    }

    private static boolean isLetter(char c) {
        return c >= 'A' && c <= 'Z';
    }

    private static int best(PeriodFacts facts, ShipmentVerdict s) {
        return s.stored().connectors().stream().mapToInt(c -> facts.trust(c).ordinal()).max().orElse(0);
    }

    private static boolean sameParcel(Shipment a, Shipment b, Thresholds t) {
        // two brands issuing the same digits is normal (docs/records.md): only a report under no brand
        // (OTHER) or under the same brand in another form is the same parcel
        if (a.carrier() != b.carrier() && a.carrier() != Carrier.OTHER && b.carrier() != Carrier.OTHER) {
            return false;
        }
        if (Duration.between(a.collectedAt(), b.collectedAt()).abs().compareTo(t.sameParcelWindow()) > 0) {
            return false;
        }
        if (a.orderRef() != null && b.orderRef() != null) {
            return a.orderRef().equals(b.orderRef());
        }
        return Objects.equals(a.destRegion(), b.destRegion()) && Objects.equals(a.destCountry(), b.destCountry());
    }
}
