package org.feedbackloop.feedback.domain;

public class IdempotencyKeyReusedException extends RuntimeException {

    public IdempotencyKeyReusedException() {
        super("This Idempotency-Key was already used with a different request body; use a new key for a new request",
                null, false, false);
    }
}
