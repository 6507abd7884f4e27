package org.feedbackloop.action.domain;

import org.feedbackloop.events.Lengths;
import org.feedbackloop.kit.http.QueryParams;

/**
 * Topic and team names: lower case letters, digits and hyphens, a letter first, 2 to {@value #MAX_LENGTH} characters.
 * The routing rules' check constraints (V1) and the kit's {@code QueryParams.name} accept the same names; the API's
 * validation and its OpenAPI document take them from here.
 */
public final class Names {

    public static final int MAX_LENGTH = Lengths.NAME;
    /** The kit's name pattern (anchored, so that it means the same in a JSON Schema as in {@link String#matches}). */
    public static final String PATTERN = QueryParams.NAME_PATTERN;

    private Names() {
    }
}
