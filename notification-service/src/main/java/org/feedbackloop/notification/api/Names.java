package org.feedbackloop.notification.api;

import org.feedbackloop.events.Lengths;

/**
 * Topic and team names as the other services give them in their events: a lower case letter, then lower case letters,
 * digits and hyphens, 2 to {@value Lengths#NAME} characters.
 */
public final class Names {

    /** Anchored, so that it means the same in a JSON Schema as in {@link String#matches}. */
    public static final String PATTERN = "^[a-z][a-z0-9-]{1," + (Lengths.NAME - 1) + "}$";

    private Names() {
    }
}
