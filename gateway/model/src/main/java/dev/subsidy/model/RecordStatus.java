package dev.subsidy.model;

/** Where a record stands after verification; see docs/figures.md "Record status". */
public enum RecordStatus {
    /** Stored, not yet verified by a period close. */
    RECEIVED,
    VERIFIED,
    SUSPECT,
    REJECTED,
    DUPLICATE
}
