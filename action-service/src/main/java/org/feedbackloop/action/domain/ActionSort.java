package org.feedbackloop.action.domain;

import java.time.Instant;

/** The orders a queue can be read in; each is a keyset order on (key, id). */
public enum ActionSort {
    DUE_SOONEST("dueAt", "due_at", true),
    DUE_LATEST("-dueAt", "due_at", false),
    OLDEST("createdAt", "created_at", true),
    NEWEST("-createdAt", "created_at", false);

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
