package org.feedbackloop.action.triage;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.feedbackloop.action.privacy.Erasure;
import org.feedbackloop.events.FeedbackErased;
import org.feedbackloop.events.FeedbackReceived;
import org.feedbackloop.events.FeedbackUpdated;
import org.feedbackloop.kit.inbox.EventConsumer;

/**
 * Consumes {@code feedback.received} (triage), {@code feedback.updated} (feedback read again) and
 * {@code feedback.erased} (a customer's data or old feedback's words erased) from the quorum queue
 * {@code action-service.feedback-service}, with the suite's consumption policy ({@link EventConsumer}):
 * acknowledged only after the transaction committed, a malformed message dead-lettered at once to
 * {@code action-service.feedback-service.dlq}, a database outage never dead-lettering a good event. A consumer
 * that dies mid-message gets it redelivered, up to the queue's delivery limit.
 */
@ApplicationScoped
public class FeedbackEventsConsumer {

    private final Triage triage;
    private final FeedbackReread reread;
    private final Erasure erasure;
    private final EventConsumer consumer;

    FeedbackEventsConsumer(Triage triage, FeedbackReread reread, Erasure erasure, EventConsumer consumer) {
        this.triage = triage;
        this.reread = reread;
        this.erasure = erasure;
        this.consumer = consumer;
    }

    @Incoming("feedback-events")
    public Uni<Void> consume(Message<byte[]> message) {
        return consumer.consume(message, event -> switch (event.data()) {
            case FeedbackReceived received -> triage.handle(event.id(), received);
            case FeedbackUpdated updated -> reread.handle(event.id(), updated);
            case FeedbackErased erased -> erasure.handle(event.id(), erased);
            case null, default -> EventConsumer.unexpected(event);
        });
    }
}
