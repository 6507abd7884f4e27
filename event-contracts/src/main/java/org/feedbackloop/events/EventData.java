package org.feedbackloop.events;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * The {@code data} of an event of the public contract: one record per kind of event (ARCHITECTURE.md, "Events";
 * {@link EventTypes#dataType} names which). Consumers dispatch on the record's type.
 */
public sealed interface EventData permits FeedbackReceived, FeedbackUpdated, ActionCreated, ActionFeedbackLinked,
        ActionStatusChanged, ActionAssigned, ActionDueChanged, ActionDeadline, ActionEscalated, ActionProgressPosted,
        ActionMeTooAdded, NotificationDelivered, FollowUpAnswered, SurveyAnswered, SilenceDetected, FeedbackErased,
        KudosPassed {

    /**
     * Whether the data holds what every consumer of it relies on. Readers are tolerant of the rest (a field a
     * consumer does not use may be absent); an event that fails this goes to the dead-letter queue unprocessed.
     */
    @JsonIgnore
    default boolean isComplete() {
        return true;
    }
}
