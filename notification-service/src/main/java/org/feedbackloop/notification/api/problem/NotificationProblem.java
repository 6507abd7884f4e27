package org.feedbackloop.notification.api.problem;

import org.feedbackloop.kit.problem.ProblemKind;

/** The kinds of problem of this API beyond those every service reports. */
public enum NotificationProblem implements ProblemKind {
    UNPROCESSABLE(422, "Cannot be done");

    private final int status;
    private final String title;

    NotificationProblem(int status, String title) {
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
