package org.feedbackloop.feedback.analysis;

/**
 * A sentiment reduced to a word, for people, statistics and filters. {@link #MIXED} comes only from an analysis
 * that looked at each part of a text: strong feelings both ways ("love the app, hate the delivery").
 */
public enum SentimentLabel {
    NEGATIVE,
    NEUTRAL,
    POSITIVE,
    MIXED;

    /** Scores within this distance of zero are neutral. */
    public static final double NEUTRAL_BAND = 0.05;

    /** The bucket of a {@link SentimentAnalyzer#score(String) score}: above 0.05 positive, below -0.05 negative. */
    public static SentimentLabel of(double score) {
        if (score > NEUTRAL_BAND) {
            return POSITIVE;
        }
        if (score < -NEUTRAL_BAND) {
            return NEGATIVE;
        }
        return NEUTRAL;
    }
}
