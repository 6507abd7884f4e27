package org.feedbackloop.notification.api;

import org.feedbackloop.kit.problem.ProblemException;

import java.util.UUID;

/** Path and query parameters read strictly: a value that is not what the API documents is a 400, never a 500. */
public final class QueryParams {

    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 100;

    private QueryParams() {
    }

    /** A page size: absent is {@value #DEFAULT_LIMIT}; otherwise an integer from 1 to {@value #MAX_LIMIT}. */
    public static int limit(String value) {
        if (value == null) {
            return DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(value.strip());
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw ProblemException.invalid("limit", "must be an integer from 1 to " + MAX_LIMIT);
    }

    /** An id in its canonical 36-character form (UUID.fromString alone accepts shorter, ambiguous forms). */
    public static UUID uuid(String id) {
        try {
            if (id.length() == 36) {
                return UUID.fromString(id);
            }
        } catch (IllegalArgumentException ignored) {
            // reported below
        }
        throw ProblemException.invalid("id", "must be a UUID");
    }
}
