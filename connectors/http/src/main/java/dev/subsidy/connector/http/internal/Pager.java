package dev.subsidy.connector.http.internal;

import dev.subsidy.connector.api.ConnectorException;
import java.util.Map;

/**
 * One way of paging: which parameters ask for a page, and when paging ends. A pager reads exactly
 * one page per {@link #read} (backward paging first asks the first page for the total), so one poll
 * is one page and the checkpoint can say which page comes next.
 *
 * <p>Stateless apart from its settings, so the same state always asks for the same page: what makes
 * a repeated poll idempotent. Thread-safe.
 */
interface Pager {

    /** The state of the first page of a list (or of a window). */
    PageState first();

    /** Reads the page of this state. */
    Step read(PageState state, Fetcher fetcher) throws ConnectorException, InterruptedException;

    /** Asks the partner for one page with these paging parameters. */
    @FunctionalInterface
    interface Fetcher {
        Page fetch(Map<String, Object> pagingParams) throws ConnectorException, InterruptedException;
    }

    /** The pager of these settings. */
    static Pager of(PagingSpec spec) {
        return switch (spec.mode()) {
            case NONE -> new SinglePage();
            case PAGE_NUMBER -> spec.backward() ? new BackwardPageNumbers(spec) : new PageNumbers(spec);
            case OFFSET -> new Offsets(spec);
            case CURSOR -> new Cursors(spec);
        };
    }
}
