package dev.subsidy.verification.fraud;

import dev.subsidy.model.Carrier;
import dev.subsidy.model.Shipment;
import dev.subsidy.model.WaybillShape;
import dev.subsidy.verification.Finding;
import dev.subsidy.verification.Rules;
import dev.subsidy.verification.ShipmentVerdict;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
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

    @Override
    public void apply(PeriodFacts facts, Thresholds t, Flags flags) {
        Map<String, List<ShipmentVerdict>> byCore = new HashMap<>();
        for (ShipmentVerdict s : facts.shipments()) {
            for (String core : cores(s.stored().record().waybillNo())) {
                byCore.computeIfAbsent(core, k -> new ArrayList<>()).add(s);
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
