package org.feedbackloop.events;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.util.UUID;

/**
 * Data of {@code action.escalated}: managers' attention is needed. {@code reason} is {@code OVERDUE_FIX},
 * {@code OVERDUE_INFORM} (overdue by more than the escalation delay) or {@code REPEATS} (many contributors
 * said the same thing).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ActionEscalated(
        UUID actionId,
        String title,
        String reason,
        String team,
        String ownerId,
        String priority,
        int feedbackCount,
        Instant deadline,
        Instant escalatedAt) implements EventData {
}
