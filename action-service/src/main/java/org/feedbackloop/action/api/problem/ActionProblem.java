package org.feedbackloop.action.api.problem;

import org.feedbackloop.kit.problem.ProblemKind;

/** The kinds of problem of this API beyond those every service reports. */
public enum ActionProblem implements ProblemKind {
    STALE_VERSION(409, "The action changed since you read it"),
    ACTION_CLOSED(409, "The action is closed"),
    TRANSITION_FORBIDDEN(422, "The workflow does not allow this transition"),
    PRECONDITION_REQUIRED(428, "If-Match required");

    private final int status;
    private final String title;

    ActionProblem(int status, String title) {
        this.status = status;
        this.title = title;
    }

    @Override
    public int status() {
        return status;
    }

    @Override
    public String title() {
        return title;
    }
}
