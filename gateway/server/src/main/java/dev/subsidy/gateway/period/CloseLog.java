package dev.subsidy.gateway.period;

/** Where each close of a period is recorded: how often it was closed, when last, and its summary. */
public interface CloseLog {

    /** Counts one more close of the summary's period and keeps its summary as the latest. */
    void record(CloseSummary summary);
}
