package org.feedbackloop.events;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.util.UUID;

/** Data of {@code action.due-changed}: the timescale contributors were told has moved. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ActionDueChanged(
        UUID actionId,
        String title,
        Instant previousDueAt,
        Instant dueAt,
        String reason,
        String actorId,
        Instant changedAt) implements EventData {
}
