package org.feedbackloop.feedback.tracking;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.feedbackloop.events.ActionFeedbackLinked;
import org.feedbackloop.events.ActionMeTooAdded;
import org.feedbackloop.events.ActionStatusChanged;
import org.feedbackloop.events.EventTypes;
import org.feedbackloop.events.FollowUpAnswered;
import org.feedbackloop.events.NotificationDelivered;
import org.feedbackloop.feedback.followup.FollowUps;
import org.feedbackloop.feedback.metoo.MeToos;
import org.feedbackloop.events.TransientFailure;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.time.Duration;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Predicate;

/**
 * Consumes {@code action.feedback-linked}, {@code action.status-changed} and {@code action.me-too-added} (quorum
 * queue {@code feedback-service.action-service}), {@code notification.delivered} and
 * {@code notification.follow-up-answered} (queue {@code feedback-service.notification-service}). Acknowledges
 * after the transaction committed; a message that can never succeed is dead-lettered at once to the queue's
 * {@code .dlq}; a failure that may pass is retried with back-off, then dead-lettered, so a queue never stalls
 * behind one message.
 */
@ApplicationScoped
public class LoopEventsConsumer {

    private static final Logger LOG = Logger.getLogger(LoopEventsConsumer.class);

    private final Tracking tracking;
    private final FollowUps followUps;
    private final MeToos meToos;
    private final ObjectMapper json;

    LoopEventsConsumer(Tracking tracking, FollowUps followUps, MeToos meToos, ObjectMapper json) {
        this.tracking = tracking;
        this.followUps = followUps;
        this.meToos = meToos;
        this.json = json;
    }

    @Incoming("action-events")
    public Uni<Void> actionEvents(Message<byte[]> message) {
        return switch (typeOf(message)) {
            case EventTypes.ACTION_STATUS_CHANGED -> consume(message, EventTypes.ACTION_STATUS_CHANGED,
                    ActionStatusChanged.class, changed -> changed.actionId() != null && changed.title() != null
                            && changed.to() != null && changed.changedAt() != null,
                    tracking::statusChanged);
            case EventTypes.ACTION_ME_TOO_ADDED -> consume(message, EventTypes.ACTION_ME_TOO_ADDED, ActionMeTooAdded.class,
                    meToo -> meToo.actionId() != null && meToo.title() != null && meToo.contributorId() != null,
                    meToos::added);
            default -> consume(message, EventTypes.ACTION_FEEDBACK_LINKED, ActionFeedbackLinked.class,
                    link -> link.actionId() != null && link.feedbackId() != null && link.linkedAt() != null,
                    tracking::linked);
        };
    }

    @Incoming("notification-events")
    public Uni<Void> notificationEvents(Message<byte[]> message) {
        if (EventTypes.NOTIFICATION_FOLLOW_UP_ANSWERED.equals(typeOf(message))) {
            return consume(message, EventTypes.NOTIFICATION_FOLLOW_UP_ANSWERED, FollowUpAnswered.class,
                    answer -> answer.actionId() != null && answer.feedbackId() != null, followUps::answered);
        }
        return consume(message, EventTypes.NOTIFICATION_DELIVERED, NotificationDelivered.class,
                delivery -> delivery.notificationId() != null && delivery.kind() != null, tracking::delivered);
    }

    private String typeOf(Message<byte[]> message) {
        try {
            return json.readTree(message.getPayload()).path("type").asText();
        } catch (IOException | RuntimeException unreadable) {
            return ""; // consume() dead-letters it
        }
    }

    private <T> Uni<Void> consume(Message<byte[]> message, String type, Class<T> dataType, Predicate<T> complete,
                                  BiFunction<UUID, T, Uni<Boolean>> handler) {
        UUID eventId;
        T data;
        try {
            JsonNode event = json.readTree(message.getPayload());
            if (event == null || !type.equals(event.path("type").asText())) {
                throw new IllegalArgumentException("not a " + type + " CloudEvent");
            }
            eventId = UUID.fromString(event.path("id").asText());
            data = json.treeToValue(event.path("data"), dataType);
            if (data == null || !complete.test(data)) {
                throw new IllegalArgumentException("incomplete data");
            }
        } catch (IOException | RuntimeException poison) {
            LOG.warnf("Dead-lettering a %s message that cannot be processed: %s", type, poison.getMessage());
            return Uni.createFrom().completionStage(message.nack(poison));
        }
        return handler.apply(eventId, data)
                // while the database is away, for as long as about ten minutes: an outage never dead-letters
                .onFailure(TransientFailure::test).retry().withBackOff(Duration.ofMillis(250), Duration.ofSeconds(5))
                .atMost(120)
                .onFailure(failure -> !TransientFailure.test(failure))
                .retry().withBackOff(Duration.ofMillis(200), Duration.ofSeconds(2)).atMost(3)
                .onItemOrFailure().transformToUni((changed, failure) -> {
                    if (failure != null) {
                        LOG.errorf(failure, "Dead-lettering %s %s after retries", type, eventId);
                        return Uni.createFrom().completionStage(message.nack(failure));
                    }
                    return Uni.createFrom().completionStage(message.ack());
                });
    }
}
