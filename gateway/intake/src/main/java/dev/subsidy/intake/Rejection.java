package dev.subsidy.intake;

/** A record refused at intake, kept with its position, its text and every reason. */
public record Rejection(int index, String reason, String raw) {}
