package org.feedbackloop.gateway.web.console;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.Instant;
import java.util.UUID;

/** A contributor's own words as linked to an action (never who they are). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record LinkedFeedback(UUID feedbackId, String text, String channel, String ratingScale, Integer ratingScore,
                             double sentiment, Instant receivedAt, Instant linkedAt) {

    public String ratingLabel() {
        if (ratingScale == null || ratingScore == null) {
            return null;
        }
        return "NPS".equals(ratingScale) ? "NPS " + ratingScore + "/10" : "CSAT " + ratingScore + "/5";
    }

    public String mood() {
        if (sentiment <= -0.05) {
            return "Negative";
        }
        return sentiment >= 0.05 ? "Positive" : "Neutral";
    }
}
