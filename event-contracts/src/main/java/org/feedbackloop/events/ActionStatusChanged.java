package org.feedbackloop.events;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.util.UUID;

/**
 * Data of {@code action.status-changed}: the workflow moved. {@code publicNote} is what contributors read
 * (always present for DONE and DECLINED).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ActionStatusChanged(
        UUID actionId,
        String title,
        String from,
        String to,
        String publicNote,
        Instant dueAt,
        int feedbackCount,
        String actorId,
        Instant changedAt) implements EventData {

    @Override
    @JsonIgnore
    public boolean isComplete() {
        return actionId != null && title != null && to != null && changedAt != null;
    }
}
