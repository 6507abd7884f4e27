package org.feedbackloop.feedback.domain;

import java.util.Collection;
import java.util.TreeSet;

public class UnknownTopicException extends RuntimeException {

    public UnknownTopicException(Collection<String> known) {
        super("is not a known topic; known topics: " + String.join(", ", new TreeSet<>(known)), null, false, false);
    }
}
