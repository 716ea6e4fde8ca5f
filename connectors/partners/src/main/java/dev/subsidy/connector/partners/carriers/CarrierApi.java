package dev.subsidy.connector.partners.carriers;

import dev.subsidy.model.Carrier;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The express APIs (and the kuaidi100 aggregator) the carrier connectors speak to, by the name a
 * definition's {@code carrier} setting uses. Constants: immutable and thread-safe.
 */
public enum CarrierApi {
    ZTO("zto", Carrier.ZTO),
    SF("sf", Carrier.SF),
    STO("sto", Carrier.STO),
    YTO("yto", Carrier.YTO),
    JT("jt", Carrier.JT),
    YUNDA("yunda", Carrier.YUNDA),
    JD("jd", Carrier.JD),
    CAINIAO("cainiao", Carrier.CAINIAO),
    /** An aggregator: the standard carrier code of its records comes from each trace's company. */
    KUAIDI100("kuaidi100", Carrier.OTHER);

    private final String settingName;
    private final Carrier standardCode;

    CarrierApi(String settingName, Carrier standardCode) {
        this.settingName = settingName;
        this.standardCode = standardCode;
    }

    /** The value of a definition's {@code carrier} setting, such as {@code zto}. */
    public String settingName() {
        return settingName;
    }

    /** The carrier of the standard shipment record (docs/records.md). */
    public Carrier standardCode() {
        return standardCode;
    }

    /** The carrier a setting names (case-insensitive). */
    public static Optional<CarrierApi> named(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String n = name.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(c -> c.settingName.equals(n)).findFirst();
    }

    /** Every setting name, for messages: {@code zto, sf, …}. */
    public static String names() {
        return Arrays.stream(values()).map(CarrierApi::settingName).collect(Collectors.joining(", "));
    }
}
