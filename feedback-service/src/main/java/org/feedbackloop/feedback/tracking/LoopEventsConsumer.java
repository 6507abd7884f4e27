package org.feedbackloop.feedback.tracking;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.feedbackloop.events.ActionFeedbackLinked;
import org.feedbackloop.events.ActionMeTooAdded;
import org.feedbackloop.events.ActionStatusChanged;
import org.feedbackloop.events.FollowUpAnswered;
import org.feedbackloop.events.KudosPassed;
import org.feedbackloop.events.NotificationDelivered;
import org.feedbackloop.events.SurveyAnswered;
import org.feedbackloop.feedback.followup.FollowUps;
import org.feedbackloop.feedback.metoo.MeToos;
import org.feedbackloop.feedback.surveys.SurveyAnswers;
import org.feedbackloop.kit.inbox.EventConsumer;

/**
 * Consumes {@code action.feedback-linked}, {@code action.status-changed}, {@code action.me-too-added} and
 * {@code action.kudos-passed} (quorum queue {@code feedback-service.action-service}), {@code notification.delivered},
 * {@code notification.follow-up-answered} and {@code notification.survey-answered} (queue
 * {@code feedback-service.notification-service}). Acknowledges
 * after the transaction committed; a message that can never succeed is dead-lettered at once to the queue's
 * {@code .dlq}; a failure that may pass is retried with back-off, then dead-lettered, so a queue never stalls
 * behind one message.
 */
@ApplicationScoped
public class LoopEventsConsumer {

    private final Tracking tracking;
    private final FollowUps followUps;
    private final MeToos meToos;
    private final SurveyAnswers surveys;
    private final EventConsumer consumer;

    LoopEventsConsumer(Tracking tracking, FollowUps followUps, MeToos meToos, SurveyAnswers surveys, EventConsumer consumer) {
        this.tracking = tracking;
        this.followUps = followUps;
        this.surveys = surveys;
        this.meToos = meToos;
        this.consumer = consumer;
    }

    @Incoming("action-events")
    public Uni<Void> actionEvents(Message<byte[]> message) {
        return consumer.consume(message, event -> switch (event.data()) {
            case ActionFeedbackLinked link -> tracking.linked(event.id(), link);
            case ActionStatusChanged changed -> tracking.statusChanged(event.id(), changed);
            case ActionMeTooAdded meToo -> meToos.added(event.id(), meToo);
            case KudosPassed kudos -> tracking.kudosPassed(event.id(), kudos);
            case null, default -> EventConsumer.unexpected(event);
        });
    }

    @Incoming("notification-events")
    public Uni<Void> notificationEvents(Message<byte[]> message) {
        return consumer.consume(message, event -> switch (event.data()) {
            case NotificationDelivered delivery -> tracking.delivered(event.id(), delivery);
            case FollowUpAnswered answer -> followUps.answered(event.id(), answer);
            case SurveyAnswered answer -> surveys.answered(event.id(), answer);
            case null, default -> EventConsumer.unexpected(event);
        });
    }
}
