package org.feedbackloop.action.domain;

import org.feedbackloop.events.Lengths;

/**
 * Topic and team names: lower case letters, digits and hyphens, a letter first, 2 to {@value #MAX_LENGTH} characters.
 * The routing rules' check constraints (V1) and the kit's {@code QueryParams.name} accept the same names; the API's
 * validation and its OpenAPI document take them from here.
 */
public final class Names {

    public static final int MAX_LENGTH = Lengths.NAME;
    /** Anchored, so that it means the same in a JSON Schema as in {@link String#matches}. */
    public static final String PATTERN = "^[a-z][a-z0-9-]{1," + (MAX_LENGTH - 1) + "}$";

    private Names() {
    }
}
