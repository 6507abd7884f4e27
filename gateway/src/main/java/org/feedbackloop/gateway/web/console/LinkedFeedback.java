package org.feedbackloop.gateway.web.console;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.Instant;
import java.util.UUID;

/** A contributor's own words as linked to an action (never who they are). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record LinkedFeedback(UUID feedbackId, String text, String channel, String ratingScale, Integer ratingScore,
                             double sentiment, Instant receivedAt, Instant linkedAt) {

    public String ratingLabel() {
        return ratingLabel(ratingScale, ratingScore);
    }

    /** "NPS 9/10", "CSAT 4/5"; null without a rating. */
    static String ratingLabel(String scale, Integer score) {
        if (scale == null || score == null) {
            return null;
        }
        return "NPS".equals(scale) ? "NPS " + score + "/10" : "CSAT " + score + "/5";
    }

    public String mood() {
        if (sentiment <= -0.05) {
            return "Negative";
        }
        return sentiment >= 0.05 ? "Positive" : "Neutral";
    }
}
