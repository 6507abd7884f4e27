package org.feedbackloop.feedback.analysis;

/**
 * Estimates how happy the writer of a piece of feedback is.
 *
 * <p>Implementations must be deterministic and safe to call from many threads at once.
 */
public interface SentimentAnalyzer {

    /**
     * Scores {@code text} on a scale from -1 (very unhappy) through 0 (neutral, or no opinion found) to +1 (very
     * happy).
     *
     * @param text the feedback text; {@code null} or blank text scores 0
     * @return a score in [-1, 1]
     */
    double score(String text);
}
