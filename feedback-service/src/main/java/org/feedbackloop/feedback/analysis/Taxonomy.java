package org.feedbackloop.feedback.analysis;

import java.util.HashSet;
import java.util.List;

/** The topics feedback is sorted into, in priority order: when two topics match equally, the earlier wins. */
public record Taxonomy(List<TopicDefinition> topics) {

    public Taxonomy {
        topics = List.copyOf(topics);
        var names = new HashSet<String>();
        for (var topic : topics) {
            if (!names.add(topic.name())) {
                throw new IllegalArgumentException("duplicate topic " + topic.name());
            }
        }
    }
}
