package org.feedbackloop.events;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.util.UUID;

/**
 * Data of {@code action.feedback-linked}: a contributor's feedback is now tracked by an action. Carries the
 * contributor, so that they can be told where their words went.
 *
 * @param contributorId    the contributor's identity, when a customer submitted the feedback themselves
 * @param contactEmail     present only when the contributor consented to contact
 * @param previousActionId the action that tracked the feedback before, when it moved (a merge, or staff
 *                         moving it to the right action)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ActionFeedbackLinked(
        UUID actionId,
        UUID feedbackId,
        String contributorId,
        String contactEmail,
        boolean consentToContact,
        String actionTitle,
        String actionStatus,
        String team,
        Instant dueAt,
        UUID previousActionId,
        Instant linkedAt) implements EventData {

    @Override
    @JsonIgnore
    public boolean isComplete() {
        return actionId != null && feedbackId != null && linkedAt != null;
    }
}
