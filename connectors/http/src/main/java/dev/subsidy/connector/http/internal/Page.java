package dev.subsidy.connector.http.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One page as the partner answered it: its items and what it says about the pages after it.
 * Immutable (the nodes are not modified after parsing).
 *
 * @param items the items at {@code records_path}, in order
 * @param total the total number of records, when the reply says
 * @param totalPages the total number of pages, when the reply says
 * @param hasNext the has-next flag, when the reply has one
 * @param nextCursor the next cursor, when the reply has a non-blank one
 */
record Page(List<JsonNode> items, OptionalLong total, OptionalLong totalPages, Optional<Boolean> hasNext,
            Optional<String> nextCursor) {

    Page {
        items = List.copyOf(items);
    }

    boolean isEmpty() {
        return items.isEmpty();
    }

    /** Whether the reply explicitly says there is no next page. */
    boolean saysLast() {
        return hasNext.map(h -> !h).orElse(false);
    }
}
