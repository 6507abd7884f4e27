package org.feedbackloop.events;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.util.UUID;

/**
 * Data of {@code action.kudos-passed} (an extension of the contract): a piece of feedback is praise (strongly positive
 * words, or a promoter or satisfied rating with positive words, and nothing negative in it), so triage passed it to
 * the team whose area it is about as kudos instead of opening an action someone must close. notification-service
 * tells the contributor their words reached the team and tells the team's owners; feedback-service shows the item as
 * passed on. It names no person: whoever needs the words or the contributor has them from {@code feedback.received}.
 *
 * @param feedbackId the feedback item (the event's subject)
 * @param team       the team it was passed to (routing of its topic)
 * @param ownerId    the team's default owner, when the routing names one
 * @param topic      the item's topic
 * @param channel    where it came in
 * @param sentiment  the sentiment of its words, in [-1, 1]
 * @param rating     its NPS or CSAT rating, if it had one
 * @param receivedAt when the item was stored
 * @param passedAt   when triage passed it on
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record KudosPassed(
        UUID feedbackId,
        String team,
        String ownerId,
        String topic,
        String channel,
        double sentiment,
        FeedbackReceived.Rating rating,
        Instant receivedAt,
        Instant passedAt) implements EventData {

    @Override
    @JsonIgnore
    public boolean isComplete() {
        return feedbackId != null && team != null && topic != null && passedAt != null;
    }
}
