package org.feedbackloop.feedback.domain;

import java.time.Instant;
import java.util.UUID;

/** A place in the newest-first order of feedback: where the next page starts after. */
public record FeedbackPosition(Instant createdAt, UUID id) {
}
