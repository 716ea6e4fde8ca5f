package dev.subsidy.connector.http.internal;

import dev.subsidy.connector.api.ConnectorException;

/**
 * Page numbers read last to first, inside one time window: what Taobao's and Pinduoduo's increment
 * APIs ask for, because records modified while a window is being read move towards its end, and
 * reading from the end does not skip them.
 *
 * <p>The first read of a window asks the first page only to learn the total, then reads the last
 * page; that probe's items are not delivered (they come again, as the first page, at the end), unless
 * the window has a single page. The state then names the next lower page, so a poll resumed from the
 * checkpoint asks for exactly that page.
 */
final class BackwardPageNumbers implements Pager {

    private final PagingSpec spec;

    BackwardPageNumbers(PagingSpec spec) {
        this.spec = spec;
    }

    @Override
    public PageState first() {
        return PageState.START;
    }

    @Override
    public Step read(PageState state, Fetcher fetcher) throws ConnectorException, InterruptedException {
        long first = spec.pageStart();
        if (state.page() == null) {
            Page probe = fetcher.fetch(PageNumbers.params(spec, first));
            long last = PageNumbers.lastPage(spec, probe).orElseThrow(() -> new ConnectorException(
                    ConnectorException.Reason.BAD_PAYLOAD, "backward paging needs the total, but the reply has none at the configured path"));
            if (last <= first) {
                return new Step("page " + first, probe.items(), 0, PageState.START, true);
            }
            return readPage(last, fetcher);
        }
        return readPage(state.page(), fetcher);
    }

    private Step readPage(long number, Fetcher fetcher) throws ConnectorException, InterruptedException {
        Page page = fetcher.fetch(PageNumbers.params(spec, number));
        boolean end = number <= spec.pageStart();
        return new Step("page " + number, page.items(), 0, end ? PageState.START : PageState.page(number - 1, 0), end);
    }
}
