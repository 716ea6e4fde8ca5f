package dev.subsidy.gateway.figures;

/** What a figure's value counts. */
public enum Unit { PARCEL, ORDER, CNY }
