package org.feedbackloop.events;

import java.time.Instant;
import java.util.UUID;

/**
 * Data of {@code action.progress-posted}: a public progress note for every contributor, without a change of
 * status. (An extension of the event contract: tells the contributors between status changes.)
 */
public record ActionProgressPosted(
        UUID actionId,
        String title,
        String status,
        String publicNote,
        Instant dueAt,
        String actorId,
        Instant postedAt) implements EventData {
}
