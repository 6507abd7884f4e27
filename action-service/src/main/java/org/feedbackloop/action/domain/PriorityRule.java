package org.feedbackloop.action.domain;

/**
 * The priority of one piece of feedback, from its rating and the sentiment of its text:
 * <ul>
 *   <li>P1: a detractor (NPS 0–6, CSAT 1–2) whose words are strongly negative (sentiment ≤ −0.5);</li>
 *   <li>P2: any other detractor, or strongly negative words without a positive rating;</li>
 *   <li>P3: negative words (sentiment &lt; −0.05), or a lukewarm rating (NPS 7–8, CSAT 3);</li>
 *   <li>P4: everything else: ideas, neutral remarks, and praise that is tracked all the same (in a follow-up answer
 *   or a "me too", or linked by staff; triage passes other praise on as kudos: {@code kudos.PraiseRule}).</li>
 * </ul>
 * An action takes the highest priority of the feedback linked to it.
 */
public final class PriorityRule {

    public static final double STRONGLY_NEGATIVE = -0.5;
    public static final double NEGATIVE = -0.05;

    private PriorityRule() {
    }

    public static Priority of(FeedbackItem feedback) {
        var rating = RatingBand.of(feedback.ratingScale, feedback.ratingScore);
        double sentiment = feedback.sentiment;
        if (rating == RatingBand.DETRACTOR) {
            return sentiment <= STRONGLY_NEGATIVE ? Priority.P1 : Priority.P2;
        }
        if (sentiment <= STRONGLY_NEGATIVE && rating != RatingBand.PROMOTER) {
            return Priority.P2;
        }
        if (sentiment < NEGATIVE || rating == RatingBand.PASSIVE) {
            return Priority.P3;
        }
        return Priority.P4;
    }
}
