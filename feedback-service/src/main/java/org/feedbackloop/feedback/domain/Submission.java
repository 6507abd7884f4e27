package org.feedbackloop.feedback.domain;

/** The stored item, and whether this request only replayed an earlier one with the same Idempotency-Key. */
public record Submission(Feedback feedback, boolean replayed) {
}
