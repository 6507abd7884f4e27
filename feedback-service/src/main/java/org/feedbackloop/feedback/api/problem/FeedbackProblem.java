package org.feedbackloop.feedback.api.problem;

import org.feedbackloop.kit.problem.ProblemKind;

/** The kinds of problem of this API beyond those every service reports. */
public enum FeedbackProblem implements ProblemKind {
    IDEMPOTENCY_KEY_REUSED(422, "Idempotency-Key reused with a different request");

    private final int status;
    private final String title;

    FeedbackProblem(int status, String title) {
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
