package dev.subsidy.model;

import java.util.Locale;

/** The two kinds of standard record; the lower-case name is what feeds and URLs use. */
public enum RecordKind {
    SHIPMENT, ORDER;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static RecordKind fromWire(String text) {
        for (RecordKind kind : values()) {
            if (kind.wireName().equals(text)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown record kind '" + text + "' (shipment or order)");
    }
}
