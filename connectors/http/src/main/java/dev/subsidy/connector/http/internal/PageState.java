package dev.subsidy.connector.http.internal;

/**
 * Where paging stands: the page number, offset or cursor to ask next, and how many items at its
 * start were already delivered (when the end of a list is re-read for new items). Exactly what the
 * checkpoint stores. Immutable.
 *
 * @param page the page number to ask, or {@code null} (for backward paging: the first page must be
 *     asked for the total first)
 * @param offset the offset to ask, or {@code null}
 * @param cursor the cursor to send, or {@code null} for the first page
 * @param skip items at the start of that page already delivered
 */
record PageState(Long page, Long offset, String cursor, long skip) {

    static final PageState START = new PageState(null, null, null, 0);

    static PageState page(long page, long skip) {
        return new PageState(page, null, null, skip);
    }

    static PageState offset(long offset) {
        return new PageState(null, offset, null, 0);
    }

    static PageState cursor(String cursor, long skip) {
        return new PageState(null, null, cursor, skip);
    }

    static PageState skip(long skip) {
        return new PageState(null, null, null, skip);
    }
}
