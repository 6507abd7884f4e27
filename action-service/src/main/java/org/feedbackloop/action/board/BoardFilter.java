package org.feedbackloop.action.board;

import org.feedbackloop.action.domain.Action;

import java.time.Instant;

/**
 * The two lists of the public board. Only what was announced with a public note is ever public: DONE actions
 * (their completion note), and open actions that told the public something.
 */
public enum BoardFilter {
    /** Completed actions, newest completion first. */
    DONE(Parameters.DONE, "closed_at", "a.status = 'DONE' and a.public_note is not null"),
    /** OPEN, PLANNED and IN_PROGRESS actions with at least one public note, latest note first. */
    OPEN(Parameters.OPEN, "last_public_update_at",
            "a.status in ('OPEN', 'PLANNED', 'IN_PROGRESS') and a.public_note is not null");

    /** The {@code status} parameter of each list, as constants that the OpenAPI document lists too. */
    public static final class Parameters {
        public static final String DONE = "done";
        public static final String OPEN = "open";

        private Parameters() {
        }
    }

    private final String parameter;
    private final String column;
    private final String visible;

    BoardFilter(String parameter, String column, String visible) {
        this.parameter = parameter;
        this.column = column;
        this.visible = visible;
    }

    public static BoardFilter ofParameter(String parameter) {
        for (var filter : values()) {
            if (filter.parameter.equals(parameter)) {
                return filter;
            }
        }
        throw new IllegalArgumentException(parameter);
    }

    /** The keyset column, newest first. */
    String column() {
        return column;
    }

    /** The SQL condition (on alias {@code a}) of an action this list shows. */
    String visible() {
        return visible;
    }

    Instant keyOf(Action action) {
        return this == DONE ? action.closedAt : action.lastPublicUpdateAt;
    }
}
