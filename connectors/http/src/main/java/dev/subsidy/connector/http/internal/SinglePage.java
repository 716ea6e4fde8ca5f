package dev.subsidy.connector.http.internal;

import dev.subsidy.connector.api.ConnectorException;
import java.util.Map;

/**
 * No paging: one call returns everything. Outside time windows, the items already delivered are
 * skipped when the list is read again, so a list that only grows yields only its new items.
 */
final class SinglePage implements Pager {

    @Override
    public PageState first() {
        return PageState.START;
    }

    @Override
    public Step read(PageState state, Fetcher fetcher) throws ConnectorException, InterruptedException {
        Page page = fetcher.fetch(Map.of());
        int size = page.items().size();
        int from = (int) Math.min(state.skip(), size);
        return new Step("reply", page.items(), from, PageState.skip(Math.max(state.skip(), size)), true);
    }
}
