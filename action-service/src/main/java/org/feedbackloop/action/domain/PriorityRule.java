package org.feedbackloop.action.domain;

/**
 * The priority of one piece of feedback, from its rating and the sentiment of its text:
 * <ul>
 *   <li>P1: a detractor (NPS 0–6, CSAT 1–2) whose words are strongly negative (sentiment ≤ −0.5);</li>
 *   <li>P2: any other detractor, or strongly negative words without a positive rating;</li>
 *   <li>P3: negative words (sentiment &lt; −0.05), or a lukewarm rating (NPS 7–8, CSAT 3);</li>
 *   <li>P4: everything else: praise, ideas, neutral remarks.</li>
 * </ul>
 * An action takes the highest priority of the feedback linked to it.
 */
public final class PriorityRule {

    static final double STRONGLY_NEGATIVE = -0.5;
    static final double NEGATIVE = -0.05;

    private PriorityRule() {
    }

    public static Priority of(FeedbackItem feedback) {
        var rating = Rating.of(feedback.ratingScale, feedback.ratingScore);
        double sentiment = feedback.sentiment;
        if (rating == Rating.DETRACTOR) {
            return sentiment <= STRONGLY_NEGATIVE ? Priority.P1 : Priority.P2;
        }
        if (sentiment <= STRONGLY_NEGATIVE && rating != Rating.PROMOTER) {
            return Priority.P2;
        }
        if (sentiment < NEGATIVE || rating == Rating.PASSIVE) {
            return Priority.P3;
        }
        return Priority.P4;
    }

    private enum Rating {
        DETRACTOR, PASSIVE, PROMOTER, NONE;

        static Rating of(String scale, Integer score) {
            if (scale == null || score == null) {
                return NONE;
            }
            return switch (scale) {
                case "NPS" -> score <= 6 ? DETRACTOR : score <= 8 ? PASSIVE : PROMOTER;
                case "CSAT" -> score <= 2 ? DETRACTOR : score == 3 ? PASSIVE : PROMOTER;
                default -> NONE;
            };
        }
    }
}
