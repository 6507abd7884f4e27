package org.feedbackloop.events;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.util.UUID;

/**
 * Data of {@code notification.follow-up-answered}: a contributor answered "did this solve it?" after their
 * action was done (one click in the e-mail). feedback-service records the answer as new feedback of that
 * action.
 *
 * @param feedbackId the contributor's original feedback
 * @param solved     the answer
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FollowUpAnswered(
        UUID actionId,
        String actionTitle,
        UUID feedbackId,
        boolean solved,
        Instant answeredAt) implements EventData {

    @Override
    @JsonIgnore
    public boolean isComplete() {
        return actionId != null && feedbackId != null;
    }
}
