package dev.subsidy.verification;

import dev.subsidy.model.SalesOrder;
import java.util.List;

/**
 * The current version of an order with what intake learnt about it.
 *
 * @param contentHash the current version's content hash (a review decision holds for it), or null when the
 *     source gives it only when asked ({@link RecordSource#contentHashes})
 * @param versions how many distinct versions intake holds for its key
 */
public record StoredOrder(SalesOrder record, List<String> connectors, int duplicates, String contentHash,
                          int versions) {

    public StoredOrder(SalesOrder record, List<String> connectors, int duplicates) {
        this(record, connectors, duplicates, null, 1);
    }
}
