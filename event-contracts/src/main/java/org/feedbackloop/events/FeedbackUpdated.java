package org.feedbackloop.events;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.util.UUID;

/**
 * Data of {@code feedback.updated}: where a contributor's feedback is in the loop now.
 *
 * @param status   RECEIVED, TRACKED or CLOSED
 * @param actionId the action that tracks it, once there is one
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FeedbackUpdated(
        UUID feedbackId,
        String contributorId,
        String status,
        UUID actionId,
        Instant updatedAt) {
}
