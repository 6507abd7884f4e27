package org.feedbackloop.action.api;

import org.feedbackloop.kit.http.QueryParams;

/**
 * The {@code limit} parameter of the lists read page by page, as the kit's {@link QueryParams#limit} reads it: its
 * description and its bounds in the OpenAPI document (which takes bounds as text).
 */
public final class PageSize {

    public static final String DESCRIPTION = "Page size, 1 to " + QueryParams.MAX_LIMIT + " (default "
            + QueryParams.DEFAULT_LIMIT + ")";
    public static final String MINIMUM = "1";
    public static final String MAXIMUM = "" + QueryParams.MAX_LIMIT;
    public static final String DEFAULT = "" + QueryParams.DEFAULT_LIMIT;

    private PageSize() {
    }
}
