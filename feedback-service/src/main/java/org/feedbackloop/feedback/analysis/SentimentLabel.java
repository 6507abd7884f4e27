package org.feedbackloop.feedback.analysis;

/** A sentiment score reduced to three buckets, for statistics and filters. */
public enum SentimentLabel {
    NEGATIVE,
    NEUTRAL,
    POSITIVE;

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
