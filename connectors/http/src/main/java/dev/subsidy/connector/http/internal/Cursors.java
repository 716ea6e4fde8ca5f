package dev.subsidy.connector.http.internal;

import dev.subsidy.connector.api.ConnectorException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A cursor taken from each reply ({@code next_cursor_path}) and sent with the next request. Ends on
 * an empty page, on no next cursor, on a has-next flag that says no, or on a cursor that does not
 * move (a partner bug that would otherwise loop). At the end, a next cursor the partner still gave is
 * kept for the next poll; without one, the last cursor is kept with its delivered items to skip.
 */
final class Cursors implements Pager {

    /** Cursors longer than this are shortened in record positions (with a hash, so positions stay distinct). */
    private static final int SHOWN = 24;

    private final PagingSpec spec;

    Cursors(PagingSpec spec) {
        this.spec = spec;
    }

    @Override
    public PageState first() {
        return PageState.cursor(null, 0);
    }

    @Override
    public Step read(PageState state, Fetcher fetcher) throws ConnectorException, InterruptedException {
        Map<String, Object> params = new LinkedHashMap<>();
        if (state.cursor() != null) {
            params.put(spec.cursorParam(), state.cursor());
        }
        params.put(spec.pageSizeParam(), (long) spec.pageSize());
        Page page = fetcher.fetch(params);
        int size = page.items().size();
        String nextCursor = page.nextCursor().orElse(null);
        boolean moved = nextCursor != null && !nextCursor.equals(state.cursor());
        boolean end = page.isEmpty() || !moved || page.saysLast();
        PageState next = moved ? PageState.cursor(nextCursor, 0) : PageState.cursor(state.cursor(), Math.max(state.skip(), size));
        return new Step(label(state.cursor()), page.items(), (int) Math.min(state.skip(), size), next, end);
    }

    private static String label(String cursor) {
        if (cursor == null) {
            return "first cursor page";
        }
        return "cursor " + (cursor.length() <= SHOWN ? cursor
                : cursor.substring(0, SHOWN) + "…#" + Integer.toHexString(cursor.hashCode()));
    }
}
