package org.feedbackloop.notification.domain;

import org.feedbackloop.events.FeedbackReceived;

/**
 * Where a contributor's rating puts them, by the inform clock's detractor rule (action-service): a detractor is to
 * hear back sooner.
 */
public enum Segment {
    /** NPS 0–6, CSAT 1–2. */
    DETRACTOR,
    /** NPS 7–8, CSAT 3. */
    PASSIVE,
    /** NPS 9–10, CSAT 4–5. */
    PROMOTER,
    /** No rating (or one on a scale this service does not know). */
    UNRATED;

    public static Segment of(FeedbackReceived.Rating rating) {
        if (rating == null || rating.scale() == null) {
            return UNRATED;
        }
        int score = rating.score();
        return switch (rating.scale()) {
            case "NPS" -> score <= 6 ? DETRACTOR : score <= 8 ? PASSIVE : PROMOTER;
            case "CSAT" -> score <= 2 ? DETRACTOR : score == 3 ? PASSIVE : PROMOTER;
            default -> UNRATED;
        };
    }
}
