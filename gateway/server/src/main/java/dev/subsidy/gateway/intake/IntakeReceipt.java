package dev.subsidy.gateway.intake;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.List;

/**
 * The reply to a feed post (202): accepted = new records or new versions, duplicates = identical to
 * what was held, rejected = refused with index and reason. The three add up to the records read.
 */
public record IntakeReceipt(@JsonIgnore String batchId, int accepted, int duplicates, List<Rejected> rejected) {

    public record Rejected(int index, String reason) {}

    public int total() {
        return accepted + duplicates + rejected.size();
    }
}
