package dev.subsidy.intake;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The reply to a feed post (202): accepted = new records or new versions, duplicates = identical to
 * what was held, rejected = refused with index and reason. The three add up to the records read by
 * the intake. A push connector that assembles traces adds {@code assembling}: the waybills whose
 * events were kept but whose trace is not complete yet (no record, no rejection); absent otherwise.
 */
public record IntakeReceipt(@JsonIgnore String batchId, int accepted, int duplicates, List<Rejected> rejected,
                            @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Waiting> assembling) {

    public IntakeReceipt {
        rejected = List.copyOf(rejected);
        assembling = assembling == null ? List.of() : List.copyOf(assembling);
    }

    public IntakeReceipt(String batchId, int accepted, int duplicates, List<Rejected> rejected) {
        this(batchId, accepted, duplicates, rejected, List.of());
    }

    public record Rejected(int index, String reason) {}

    /**
     * A waybill whose trace is being assembled.
     *
     * @param waybill its number
     * @param events the events kept for it so far, this push's included
     * @param waitingFor what the trace still needs, in the definition's words
     * @param reason the sentence for the sender: position, events kept, what it waits for, the mapping's words
     */
    public record Waiting(String waybill, int events, String waitingFor, String reason) {}

    /** This receipt with the assembling waybills. */
    public IntakeReceipt assembling(List<Waiting> waiting) {
        return new IntakeReceipt(batchId, accepted, duplicates, rejected, waiting);
    }

    public int total() {
        return accepted + duplicates + rejected.size();
    }
}
