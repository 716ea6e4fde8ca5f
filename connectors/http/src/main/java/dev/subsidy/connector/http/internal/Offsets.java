package dev.subsidy.connector.http.internal;

import dev.subsidy.connector.api.ConnectorException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Offset and limit. Ends like {@link PageNumbers}; the next offset counts the items received, so a
 * list read outside time windows continues after its last delivered item.
 */
final class Offsets implements Pager {

    private final PagingSpec spec;

    Offsets(PagingSpec spec) {
        this.spec = spec;
    }

    @Override
    public PageState first() {
        return PageState.offset(0);
    }

    @Override
    public Step read(PageState state, Fetcher fetcher) throws ConnectorException, InterruptedException {
        long offset = state.offset() == null ? 0 : state.offset();
        Map<String, Object> params = new LinkedHashMap<>();
        params.put(spec.offsetParam(), offset);
        params.put(spec.pageSizeParam(), (long) spec.pageSize());
        Page page = fetcher.fetch(params);
        int size = page.items().size();
        long next = offset + size;
        boolean end = page.isEmpty() || page.saysLast()
                || (page.total().isPresent() && next >= page.total().getAsLong())
                || (spec.stopOnShortPage() && size < spec.pageSize());
        return new Step("offset " + offset, page.items(), 0, PageState.offset(next), end);
    }
}
