package org.feedbackloop.gateway.web.portal;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A feedback item as feedback-service shows it to its contributor. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record FeedbackItem(UUID id, String status, String text, String channel, Rating rating, String topic,
                           UUID actionId, String passedToTeam, Instant createdAt, Instant updatedAt) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Rating(String scale, int score) {

        public String label() {
            return "NPS".equals(scale) ? "Would recommend: " + score + " of 10" : "Satisfaction: " + score + " of 5";
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Page(List<FeedbackItem> items, String nextCursor) {
    }

    /** The three steps of an item, in words; praise goes to a team rather than to an action. */
    public String statusLabel() {
        if (passedToTeam != null && !"RECEIVED".equals(status)) {
            return "Passed to the " + passedToTeam + " team, with thanks";
        }
        return switch (status == null ? "" : status) {
            case "RECEIVED" -> "Received";
            case "TRACKED" -> "Being worked on";
            case "CLOSED" -> "Closed: you were told the outcome";
            default -> status;
        };
    }

    /** 1 received, 2 tracked by an action, 3 closed: for the step indicator. */
    public int step() {
        return switch (status == null ? "" : status) {
            case "TRACKED" -> 2;
            case "CLOSED" -> 3;
            default -> 1;
        };
    }

    public String channelLabel() {
        return Channels.label(channel);
    }
}
