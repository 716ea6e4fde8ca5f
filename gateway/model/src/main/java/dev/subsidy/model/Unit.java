package dev.subsidy.model;

/** What a metric counts: parcels, orders, yuan, or a count of something else (members, staff, firms). */
public enum Unit {
    PARCEL, ORDER, CNY, COUNT
}
