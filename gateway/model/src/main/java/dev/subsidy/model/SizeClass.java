package dev.subsidy.model;

/** Whether a firm is above the statistical size threshold (限上) or below it (非限上). */
public enum SizeClass {
    ABOVE,
    BELOW
}
