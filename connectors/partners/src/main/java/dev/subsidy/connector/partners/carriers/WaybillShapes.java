package dev.subsidy.connector.partners.carriers;

import dev.subsidy.connector.signers.waybill.UpuS10;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The published shapes of carriers' waybill numbers (docs/partners.md "Waybill number shapes"), as hints.
 *
 * <p>Public lists disagree and carriers add ranges, so a number that fits no shape of its carrier is a
 * <em>warning</em> for the fraud checks ("a carrier code that does not fit the number"), never a reason
 * to reject a record on its own. International postal items are checked as UPU S10 identifiers, check
 * digit included. Stateless and thread-safe.
 */
public final class WaybillShapes {

    private static final Map<CarrierApi, List<Pattern>> SHAPES = new EnumMap<>(CarrierApi.class);

    static {
        SHAPES.put(CarrierApi.SF, patterns("SF[0-9]{13}", "[0-9]{12}"));
        SHAPES.put(CarrierApi.ZTO, patterns("7[3-6][0-9]{12}", "78[0-9]{12}"));
        SHAPES.put(CarrierApi.YTO, patterns("YT[0-9]{13}"));
        SHAPES.put(CarrierApi.JT, patterns("JT[0-9]{13}"));
        SHAPES.put(CarrierApi.YUNDA, patterns("[0-9]{13}", "[0-9]{15}"));
        SHAPES.put(CarrierApi.STO, patterns("(77|43)[0-9]{12,15}"));
        SHAPES.put(CarrierApi.JD, patterns("JD[A-Z0-9]+"));
        SHAPES.put(CarrierApi.CAINIAO, patterns("LP[0-9]{14}"));
    }

    private WaybillShapes() {
    }

    private static List<Pattern> patterns(String... regexes) {
        return java.util.Arrays.stream(regexes).map(Pattern::compile).toList();
    }

    /**
     * A warning when the number fits none of the carrier's published shapes; empty when it fits one,
     * or when the carrier publishes none (kuaidi100 carries every carrier's numbers).
     */
    public static Optional<String> warning(CarrierApi carrier, String waybillNo) {
        List<Pattern> shapes = SHAPES.get(carrier);
        if (shapes == null) {
            return Optional.empty();
        }
        String n = waybillNo == null ? "" : waybillNo.trim();
        if (shapes.stream().anyMatch(p -> p.matcher(n).matches())) {
            return Optional.empty();
        }
        return Optional.of(carrier.standardCode() + " waybill number '" + n + "' fits none of the carrier's published shapes");
    }

    /**
     * A warning when an international postal item's number is not a valid UPU S10 identifier (two
     * letters, eight digits, a check digit, two letters); empty when it is one.
     */
    public static Optional<String> internationalWarning(String itemNo) {
        if (UpuS10.isValid(itemNo)) {
            return Optional.empty();
        }
        return Optional.of("item number '" + itemNo + "' is not a valid UPU S10 identifier");
    }
}
