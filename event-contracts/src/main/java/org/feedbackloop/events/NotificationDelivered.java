package org.feedbackloop.events;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Data of {@code notification.delivered}: a person was told something. feedback-service closes the loop of
 * the {@code feedbackIds} when a contributor was told ({@code kind} YOU_SAID_WE_DID) that their action is
 * DONE or DECLINED.
 *
 * @param kind          why they were told (ACKNOWLEDGED, TRACKED, YOU_SAID_WE_DID, PROGRESS, ...)
 * @param channel       EMAIL or IN_APP
 * @param contributorId the person told, when they have an account
 * @param feedbackIds   their feedback the message was about
 * @param actionStatus  the action's status at the time, when it is about an action
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record NotificationDelivered(
        UUID notificationId,
        UUID sourceEventId,
        String kind,
        String channel,
        String contributorId,
        List<UUID> feedbackIds,
        UUID actionId,
        String actionStatus,
        Instant deliveredAt) implements EventData {

    @Override
    @JsonIgnore
    public boolean isComplete() {
        return notificationId != null && kind != null;
    }
}
