package org.feedbackloop.events;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.util.UUID;

/**
 * Data of {@code action.created}: a new action, opened by triage or by a person.
 *
 * @param priority P1 (most urgent) to P4
 * @param dueAt    when the issue should be fixed (the SLA of its priority unless set by hand)
 * @param informBy when every contributor should have heard something substantive; absent when nobody waits
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ActionCreated(
        UUID actionId,
        String title,
        String topic,
        String team,
        String ownerId,
        String priority,
        String status,
        Instant dueAt,
        Instant informBy,
        Instant createdAt) implements EventData {
}
