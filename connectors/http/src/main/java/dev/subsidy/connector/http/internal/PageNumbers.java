package dev.subsidy.connector.http.internal;

import dev.subsidy.connector.api.ConnectorException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Page numbers read first to last. Paging ends on an empty page, on a has-next flag that says no, on
 * the last page by the reply's total, or (when asked) on a short page. At the end of a list read
 * outside time windows the state stays on that page, with its delivered items to skip, so a later
 * poll picks up what was appended.
 */
final class PageNumbers implements Pager {

    private final PagingSpec spec;

    PageNumbers(PagingSpec spec) {
        this.spec = spec;
    }

    @Override
    public PageState first() {
        return PageState.page(spec.pageStart(), 0);
    }

    @Override
    public Step read(PageState state, Fetcher fetcher) throws ConnectorException, InterruptedException {
        long number = state.page() == null ? spec.pageStart() : state.page();
        Page page = fetcher.fetch(params(spec, number));
        int size = page.items().size();
        boolean end = page.isEmpty() || page.saysLast()
                || lastPage(spec, page).map(last -> number >= last).orElse(false)
                || (spec.stopOnShortPage() && size < spec.pageSize());
        PageState next = end ? PageState.page(number, Math.max(state.skip(), size)) : PageState.page(number + 1, 0);
        return new Step("page " + number, page.items(), (int) Math.min(state.skip(), size), next, end);
    }

    /** The page number and page size parameters. */
    static Map<String, Object> params(PagingSpec spec, long number) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put(spec.pageParam(), number);
        p.put(spec.pageSizeParam(), (long) spec.pageSize());
        return p;
    }

    /** The last page's number by the reply's total pages or total records, when it gives one. */
    static java.util.Optional<Long> lastPage(PagingSpec spec, Page page) {
        if (page.totalPages().isPresent()) {
            return java.util.Optional.of(spec.pageStart() + page.totalPages().getAsLong() - 1);
        }
        if (page.total().isPresent()) {
            long pages = (page.total().getAsLong() + spec.pageSize() - 1) / spec.pageSize();
            return java.util.Optional.of(spec.pageStart() + pages - 1);
        }
        return java.util.Optional.empty();
    }
}
