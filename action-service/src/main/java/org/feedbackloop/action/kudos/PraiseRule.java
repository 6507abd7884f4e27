package org.feedbackloop.action.kudos;

import org.feedbackloop.action.domain.PriorityRule;
import org.feedbackloop.action.domain.RatingBand;
import org.feedbackloop.events.FeedbackReceived;

/**
 * Whether a piece of feedback is praise, which triage passes to its team as kudos instead of opening an action
 * someone must close. It is praise when all of these hold:
 * <ul>
 *   <li>it does not belong to an action already: neither a follow-up answer ("did this solve it?") nor a "me too"
 *   from the public board;</li>
 *   <li>nothing negative is read in its words: the sentiment label is neither NEGATIVE nor MIXED (strong feelings
 *   both ways hide a complaint); events older than the label have none, and the score decides;</li>
 *   <li>its rating, if it has one, is not a detractor's or a passive's (NPS ≤ 8, CSAT ≤ 3): a lukewarm score is
 *   something to act on, whatever the words;</li>
 *   <li>and either its words are strongly positive (sentiment ≥ 0.5, the mirror of {@link PriorityRule}'s strongly
 *   negative), or a promoter or satisfied customer (NPS 9–10, CSAT 4–5) wrote positive words (sentiment ≥ 0.05, the
 *   mirror of its negative). A promoter's neutral words ("see attached", "n/a") are not praise: they say nothing to
 *   pass on.</li>
 * </ul>
 */
public final class PraiseRule {

    static final double STRONGLY_POSITIVE = -PriorityRule.STRONGLY_NEGATIVE;
    static final double POSITIVE = -PriorityRule.NEGATIVE;

    private PraiseRule() {
    }

    public static boolean isPraise(FeedbackReceived feedback) {
        if (feedback.followUpOfAction() != null || feedback.joinsAction() != null) {
            return false;
        }
        if ("NEGATIVE".equals(feedback.sentimentLabel()) || "MIXED".equals(feedback.sentimentLabel())) {
            return false;
        }
        var rating = feedback.rating() == null ? RatingBand.NONE
                : RatingBand.of(feedback.rating().scale(), feedback.rating().score());
        if (rating == RatingBand.DETRACTOR || rating == RatingBand.PASSIVE) {
            return false;
        }
        double sentiment = feedback.sentiment();
        return sentiment >= STRONGLY_POSITIVE || rating == RatingBand.PROMOTER && sentiment >= POSITIVE;
    }
}
