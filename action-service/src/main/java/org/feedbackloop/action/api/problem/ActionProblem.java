package org.feedbackloop.action.api.problem;

import org.feedbackloop.kit.problem.ProblemKind;

/** The kinds of problem of this API beyond those every service reports. */
public final class ActionProblem {

    public static final ProblemKind STALE_VERSION = ProblemKind.of("STALE_VERSION", 409, "The action changed since you read it");
    public static final ProblemKind ACTION_CLOSED = ProblemKind.of("ACTION_CLOSED", 409, "The action is closed");
    public static final ProblemKind TRANSITION_FORBIDDEN = ProblemKind.of("TRANSITION_FORBIDDEN", 422, "The workflow does not allow this transition");
    public static final ProblemKind NOT_OWN_WORDS = ProblemKind.of("NOT_OWN_WORDS", 422, "A contributor's words cannot be published as they are");
    public static final ProblemKind TOO_MANY_RULES = ProblemKind.of("TOO_MANY_RULES", 409, "There are as many routing rules as the service keeps");
    public static final ProblemKind PRECONDITION_REQUIRED = ProblemKind.of("PRECONDITION_REQUIRED", 428, "If-Match required");

    private ActionProblem() {
    }
}
