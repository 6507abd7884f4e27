package org.feedbackloop.notification.api;

import org.feedbackloop.kit.http.QueryParams;

/**
 * The page size ({@code limit}) as the OpenAPI document states it. The kit's {@link QueryParams#limit} checks it; these
 * are its bounds as the text that {@code @Schema(minimum, maximum, defaultValue)} take.
 */
public final class PageSize {

    /** {@link QueryParams#limit} refuses a page of fewer than one item. */
    public static final String MIN = "1";
    public static final String MAX = "" + QueryParams.MAX_LIMIT;
    public static final String DEFAULT = "" + QueryParams.DEFAULT_LIMIT;
    public static final String DESCRIPTION = MIN + " to " + MAX + ", default " + DEFAULT;

    private PageSize() {
    }
}
