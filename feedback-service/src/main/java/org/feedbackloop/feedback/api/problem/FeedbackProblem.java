package org.feedbackloop.feedback.api.problem;

import org.feedbackloop.kit.problem.ProblemKind;

/** The kinds of problem of this API beyond those every service reports. */
public final class FeedbackProblem {

    public static final ProblemKind IDEMPOTENCY_KEY_REUSED = ProblemKind.of("IDEMPOTENCY_KEY_REUSED", 422, "Idempotency-Key reused with a different request");

    /** A file for import that is not what the import reads: wrong encoding, no header, a broken or oversized row. */
    public static final ProblemKind UNREADABLE_FILE = ProblemKind.of("UNREADABLE_FILE", 422, "The file cannot be imported");

    /** A new topic when the taxonomy already holds {@code Topic.MAX_TOPICS}: one must go, or be reused, first. */
    public static final ProblemKind TAXONOMY_FULL = ProblemKind.of("TAXONOMY_FULL", 409, "The taxonomy is full");

    private FeedbackProblem() {
    }
}
