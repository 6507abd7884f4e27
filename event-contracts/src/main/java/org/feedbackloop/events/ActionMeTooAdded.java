package org.feedbackloop.events;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.util.UUID;

/**
 * Data of {@code action.me-too-added} (an extension of the contract): a customer said "this matters to me too"
 * about an open action on the public board. feedback-service records it as their feedback of that action
 * ({@code joinsAction}), so that they are told like every other contributor. At most one per (action,
 * contributor).
 *
 * @param topic            the action's topic, for the feedback item it becomes
 * @param contributorId    the customer ({@code sub} of their token)
 * @param contactEmail     the {@code email} of their token, when it carries one
 * @param consentToContact always true: asking to be told is the point of a "me too"
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ActionMeTooAdded(
        UUID actionId,
        String title,
        String topic,
        String contributorId,
        String contactEmail,
        boolean consentToContact,
        Instant at) implements EventData {

    @Override
    @JsonIgnore
    public boolean isComplete() {
        return actionId != null && title != null && contributorId != null;
    }
}
