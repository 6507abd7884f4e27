package org.feedbackloop.events;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.util.UUID;

/** Data of {@code action.assigned}: the owner changed (null {@code ownerId}: back to the team's queue). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ActionAssigned(
        UUID actionId,
        String title,
        String team,
        String ownerId,
        String ownerName,
        String previousOwnerId,
        String actorId,
        Instant assignedAt) implements EventData {
}
