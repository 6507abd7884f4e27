package org.feedbackloop.action.domain;

import java.time.Instant;

/** The orders a queue can be read in; each is a keyset order on (key, id). */
public enum ActionSort {
    DUE_SOONEST(Parameters.DUE_SOONEST, "due_at", true),
    DUE_LATEST(Parameters.DUE_LATEST, "due_at", false),
    OLDEST(Parameters.OLDEST, "created_at", true),
    NEWEST(Parameters.NEWEST, "created_at", false);

    /** The {@code sort} parameter of each order, as constants that the OpenAPI document lists too. */
    public static final class Parameters {
        public static final String DUE_SOONEST = "dueAt";
        public static final String DUE_LATEST = "-dueAt";
        public static final String OLDEST = "createdAt";
        public static final String NEWEST = "-createdAt";

        private Parameters() {
        }
    }

    private final String parameter;
    private final String column;
    private final boolean ascending;

    ActionSort(String parameter, String column, boolean ascending) {
        this.parameter = parameter;
        this.column = column;
        this.ascending = ascending;
    }

    public String parameter() {
        return parameter;
    }

    public String column() {
        return column;
    }

    public boolean ascending() {
        return ascending;
    }

    public Instant keyOf(Action action) {
        return column.equals("due_at") ? action.dueAt : action.createdAt;
    }

    public static ActionSort ofParameter(String parameter) {
        for (var sort : values()) {
            if (sort.parameter.equals(parameter)) {
                return sort;
            }
        }
        throw new IllegalArgumentException(parameter);
    }
}
