package org.feedbackloop.notification.api.problem;

import org.feedbackloop.kit.problem.ProblemKind;

/** The kinds of problem of this API beyond those every service reports. */
public final class NotificationProblem {

    public static final ProblemKind UNPROCESSABLE = ProblemKind.of("UNPROCESSABLE", 422, "Cannot be done");

    /** A link from an e-mail whose time ran out. */
    public static final ProblemKind LINK_EXPIRED = ProblemKind.of("LINK_EXPIRED", 410, "Link expired");

    private NotificationProblem() {
    }
}
