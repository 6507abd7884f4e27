package org.feedbackloop.gateway.web.console;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What action-service finds near an action in meaning ({@code GET /api/actions/{id}/similar}): open actions about
 * the same problem, to merge, and feedback of other actions that reads alike, to link.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Similar(List<Action> actions, List<Feedback> feedback) {

    static final Similar NOTHING = new Similar(List.of(), List.of());

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Action(UUID id, String title, String team, String status, int feedbackCount, double score) {

        public String similarity() {
            return percent(score);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Feedback(UUID feedbackId, UUID actionId, String text, String topic, Instant receivedAt, double score) {

        public String similarity() {
            return percent(score);
        }
    }

    public boolean empty() {
        return (actions == null || actions.isEmpty()) && (feedback == null || feedback.isEmpty());
    }

    private static String percent(double score) {
        return Math.round(Math.max(0, score) * 100) + "%";
    }
}
