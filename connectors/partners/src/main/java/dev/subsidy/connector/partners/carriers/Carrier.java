package dev.subsidy.connector.partners.carriers;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The express firms (and the kuaidi100 aggregator) the carrier connectors speak to, by the name a
 * definition's {@code carrier} setting uses. Constants: immutable and thread-safe.
 */
public enum Carrier {
    ZTO("zto", "ZTO"),
    SF("sf", "SF"),
    STO("sto", "STO"),
    YTO("yto", "YTO"),
    JT("jt", "JT"),
    YUNDA("yunda", "YUNDA"),
    JD("jd", "JD"),
    CAINIAO("cainiao", "CAINIAO"),
    /** An aggregator: the standard carrier code of its records comes from each trace's company. */
    KUAIDI100("kuaidi100", "OTHER");

    private final String settingName;
    private final String standardCode;

    Carrier(String settingName, String standardCode) {
        this.settingName = settingName;
        this.standardCode = standardCode;
    }

    /** The value of a definition's {@code carrier} setting, such as {@code zto}. */
    public String settingName() {
        return settingName;
    }

    /** The carrier code of the standard shipment record ({@code docs/api.md}). */
    public String standardCode() {
        return standardCode;
    }

    /** The carrier a setting names (case-insensitive). */
    public static Optional<Carrier> named(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String n = name.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(c -> c.settingName.equals(n)).findFirst();
    }

    /** Every setting name, for messages: {@code zto, sf, …}. */
    public static String names() {
        return Arrays.stream(values()).map(Carrier::settingName).collect(Collectors.joining(", "));
    }
}
