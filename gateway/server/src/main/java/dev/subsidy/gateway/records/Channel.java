package dev.subsidy.gateway.records;

/** Trade channel of an order. */
public enum Channel { B2B, B2C, C2C }
