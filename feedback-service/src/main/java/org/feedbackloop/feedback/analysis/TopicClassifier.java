package org.feedbackloop.feedback.analysis;

import java.util.Optional;

/**
 * Derives the topic of a piece of feedback from its text.
 *
 * <p>Implementations must be deterministic and safe to call from many threads at once.
 */
public interface TopicClassifier {

    /**
     * The topic that fits {@code text} best.
     *
     * @param text the feedback text; {@code null} or blank text matches nothing
     * @return the topic's name, or empty when no topic matches (callers then use the fallback topic)
     */
    Optional<String> classify(String text);
}
