package org.feedbackloop.kit.openapi;

/**
 * The bounds an OpenAPI document states for a count in an answer that nothing bounds lower than its Java type (a
 * count bounded by a page or a list limit states that limit instead): never negative, at most what the type holds.
 * As text, since that is how the annotations take bounds.
 */
public final class Counts {

    public static final String MIN = "0";
    public static final String INT_MAX = "" + Integer.MAX_VALUE;
    public static final String LONG_MAX = "" + Long.MAX_VALUE;

    private Counts() {
    }
}
