package org.feedbackloop.notification.intake;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.feedbackloop.kit.inbox.EventConsumer;
import org.feedbackloop.notification.email.EmailDispatcher;
import org.feedbackloop.notification.inbox.LiveStream;

/**
 * Consumes {@code feedback.events} (queue {@code notification-service.feedback-service}) and {@code action.events}
 * (queue {@code notification-service.action-service}), both quorum queues with dead-letter queues. Acknowledges
 * after the commit; a message that can never succeed is dead-lettered at once; a failure that may pass is retried
 * with back-off (longer when it waits for the other queue), then dead-lettered.
 */
@ApplicationScoped
public class EventConsumers {

    private final Intake intake;
    private final LiveStream live;
    private final EmailDispatcher email;
    private final EventConsumer consumer;

    EventConsumers(Intake intake, LiveStream live, EmailDispatcher email, EventConsumer consumer) {
        this.intake = intake;
        this.live = live;
        this.email = email;
        this.consumer = consumer;
    }

    @Incoming("feedback-events")
    public Uni<Void> feedbackEvents(Message<byte[]> message) {
        return consume(message);
    }

    @Incoming("action-events")
    public Uni<Void> actionEvents(Message<byte[]> message) {
        return consume(message);
    }

    /** Once acknowledged, the new notifications go out live, and e-mail due now is handed to its dispatcher. */
    private Uni<Void> consume(Message<byte[]> message) {
        return consumer.consume(message, intake::handle, created -> {
            live.publish(created);
            email.wakeUpIfDue(created);
            return Uni.createFrom().voidItem();
        });
    }
}
