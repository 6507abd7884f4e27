package org.feedbackloop.feedback.domain;

/** The rating scales we accept, with their valid score ranges. */
public enum RatingScale {
    /** Net Promoter Score: 0 (not at all likely to recommend) to 10. */
    NPS(RatingScale.LOWEST, RatingScale.HIGHEST),
    /** Customer satisfaction: 1 (very unsatisfied) to 5. */
    CSAT(1, 5);

    /** The lowest score of any scale. */
    public static final int LOWEST = 0;
    /** The highest score of any scale. */
    public static final int HIGHEST = 10;

    private final int min;
    private final int max;

    RatingScale(int min, int max) {
        this.min = min;
        this.max = max;
    }

    public int min() {
        return min;
    }

    public int max() {
        return max;
    }

    public boolean accepts(int score) {
        return score >= min && score <= max;
    }
}
