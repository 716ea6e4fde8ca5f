package dev.subsidy.connector.http.internal;

import static dev.subsidy.connector.http.HttpPullSettings.*;

import com.fasterxml.jackson.core.JsonPointer;
import dev.subsidy.connector.api.ConnectorConfig;
import java.util.Optional;

/**
 * How an instance pages. Immutable.
 *
 * @param mode the kind of paging
 * @param pageParam page number parameter
 * @param pageStart number of the first page
 * @param pageSizeParam page size or limit parameter
 * @param pageSize records per page
 * @param backward whether pages are read last to first
 * @param offsetParam offset parameter
 * @param cursorParam cursor parameter
 * @param nextCursor where the next cursor is
 * @param hasNext where the has-next flag is
 * @param total where the total number of records is
 * @param totalPages where the total number of pages is
 * @param stopOnShortPage whether a short page ends the paging
 */
record PagingSpec(Mode mode, String pageParam, long pageStart, String pageSizeParam, int pageSize, boolean backward,
                  String offsetParam, String cursorParam, Optional<JsonPointer> nextCursor, Optional<JsonPointer> hasNext,
                  Optional<JsonPointer> total, Optional<JsonPointer> totalPages, boolean stopOnShortPage) {

    /** The kinds of paging. */
    enum Mode {
        NONE, PAGE_NUMBER, OFFSET, CURSOR
    }

    static PagingSpec from(ConnectorConfig c) {
        return new PagingSpec(Mode.valueOf(c.getString(PAGINATION).toUpperCase(java.util.Locale.ROOT)),
                c.getString(PAGE_PARAM), c.getInt(PAGE_START), c.getString(PAGE_SIZE_PARAM), c.getInt(PAGE_SIZE),
                c.getString(PAGE_ORDER).equals("backward"), c.getString(OFFSET_PARAM), c.getString(CURSOR_PARAM),
                pointer(c, NEXT_CURSOR_PATH), pointer(c, HAS_NEXT_PATH), pointer(c, TOTAL_PATH), pointer(c, TOTAL_PAGES_PATH),
                c.getBoolean(STOP_ON_SHORT_PAGE));
    }

    static Optional<JsonPointer> pointer(ConnectorConfig c, String name) {
        return c.find(name).map(String::trim).map(JsonPointer::compile);
    }
}
