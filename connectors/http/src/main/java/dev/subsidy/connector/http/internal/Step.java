package dev.subsidy.connector.http.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * What reading one page gave: the items to deliver and where paging goes next. Immutable.
 *
 * @param label where the page is, for record positions: {@code page 3}, {@code offset 40}
 * @param items every item of the page
 * @param from index of the first item to deliver (earlier ones were delivered before)
 * @param next where the next read starts; for the end of a list outside time windows, where a later
 *     poll looks for new items
 * @param end whether this was the last page (of the window, or of the list for now)
 */
record Step(String label, List<JsonNode> items, int from, PageState next, boolean end) {

    Step {
        items = List.copyOf(items);
    }
}
