package org.feedbackloop.feedback.api.problem;

import org.feedbackloop.kit.problem.ProblemKind;

/** The kinds of problem of this API beyond those every service reports. */
public final class FeedbackProblem {

    public static final ProblemKind IDEMPOTENCY_KEY_REUSED = ProblemKind.of("IDEMPOTENCY_KEY_REUSED", 422, "Idempotency-Key reused with a different request");

    private FeedbackProblem() {
    }
}
