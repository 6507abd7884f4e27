package org.feedbackloop.action.api;

/**
 * The bounds of a count in the OpenAPI document (which takes bounds as text): never negative, and at most what the
 * type that holds it can hold (an {@code int} count is an {@code integer} column or one; a {@code long} one, a SQL
 * {@code count}).
 */
public final class CountBounds {

    public static final String MINIMUM = "0";
    public static final String INT_MAXIMUM = "" + Integer.MAX_VALUE;
    public static final String LONG_MAXIMUM = "" + Long.MAX_VALUE;

    private CountBounds() {
    }
}
