package org.feedbackloop.feedback.domain;

/**
 * A client's {@code Idempotency-Key} and a fingerprint of the request it came with: the same key with the
 * same request replays the first result, the same key with another request is refused.
 */
public record Idempotency(String key, String requestHash) {
}
