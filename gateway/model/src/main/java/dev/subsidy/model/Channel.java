package dev.subsidy.model;

/** Trade channel of an order. */
public enum Channel { B2B, B2C, C2C }
