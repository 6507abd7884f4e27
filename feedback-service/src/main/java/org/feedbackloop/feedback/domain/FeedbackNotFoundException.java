package org.feedbackloop.feedback.domain;

import java.util.UUID;

/** No such item, or not one the caller may see: both answer the same, so existence does not leak. */
public class FeedbackNotFoundException extends RuntimeException {

    public FeedbackNotFoundException(UUID id) {
        super("There is no feedback " + id + " that you can see", null, false, false);
    }
}
