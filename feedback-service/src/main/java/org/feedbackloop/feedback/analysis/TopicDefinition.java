package org.feedbackloop.feedback.analysis;

import java.util.List;
import java.util.Objects;

/**
 * A topic and the keywords that point to it. Keywords are lowercase; a trailing {@code *} matches any word
 * that starts with the rest ({@code refund*}), and a keyword with spaces is a phrase ({@code credit card}).
 */
public record TopicDefinition(String name, List<String> keywords) {

    public TopicDefinition {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("topic name must not be blank");
        }
        keywords = List.copyOf(keywords);
    }
}
