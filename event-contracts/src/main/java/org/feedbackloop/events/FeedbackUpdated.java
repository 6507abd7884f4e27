package org.feedbackloop.events;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.util.UUID;

/**
 * Data of {@code feedback.updated}: where a contributor's feedback is in the loop now, and what the analysis now
 * reads in it when that changed (a taxonomy edit, or the model reading feedback stored before it).
 *
 * @param status         RECEIVED, TRACKED or CLOSED
 * @param actionId       the action that tracks it, once there is one
 * @param topic          the topic, when the analysis changed it (absent otherwise)
 * @param sentiment      the sentiment score in [-1, 1], when the analysis changed it (absent otherwise)
 * @param sentimentLabel POSITIVE, NEGATIVE, NEUTRAL or MIXED, with {@code sentiment}
 * @param problem        the problem vector, when the analysis gave the item a new one (absent otherwise)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FeedbackUpdated(
        UUID feedbackId,
        String contributorId,
        String status,
        UUID actionId,
        Instant updatedAt,
        String topic,
        Double sentiment,
        String sentimentLabel,
        ProblemVector problem) implements EventData {

    @Override
    @JsonIgnore
    public boolean isComplete() {
        return feedbackId != null && (sentiment == null || sentiment >= -1 && sentiment <= 1);
    }


    /** Only the loop moved: status and action. */
    public static FeedbackUpdated loop(UUID feedbackId, String contributorId, String status, UUID actionId, Instant updatedAt) {
        return new FeedbackUpdated(feedbackId, contributorId, status, actionId, updatedAt, null, null, null, null);
    }
}
