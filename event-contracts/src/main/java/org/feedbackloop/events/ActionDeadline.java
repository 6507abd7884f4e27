package org.feedbackloop.events;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.util.UUID;

/**
 * Data of {@code action.deadline-approaching} (a reminder to the owner) and {@code action.overdue} (a
 * deadline passed). {@code clock} says which deadline: {@code FIX} ({@code dueAt}) or {@code INFORM}
 * ({@code informBy}, telling every contributor something substantive).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ActionDeadline(
        UUID actionId,
        String title,
        String clock,
        Instant deadline,
        String team,
        String ownerId,
        String priority,
        Instant detectedAt) implements EventData {
}
