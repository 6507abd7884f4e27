package org.feedbackloop.action.triage;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.feedbackloop.events.TransientFailure;
import org.jboss.logging.Logger;

import java.time.Duration;

/**
 * Consumes {@code feedback.received} (triage) and {@code feedback.updated} (feedback read again) from the quorum
 * queue {@code action-service.feedback-service}.
 * Acknowledges only after the transaction committed. A message that can never succeed (malformed) is
 * rejected at once and dead-lettered to {@code action-service.feedback-service.dlq}. While the database is
 * away (restarting, unreachable) the message is retried with back-off for as long as about ten minutes: a good
 * event is never dead-lettered for an outage. Any other failure is retried three times, then dead-lettered, so
 * the queue never stalls behind one message. A consumer that dies mid-message gets it redelivered, up to the
 * queue's delivery limit.
 */
@ApplicationScoped
public class FeedbackEventsConsumer {

    private static final Logger LOG = Logger.getLogger(FeedbackEventsConsumer.class);
    private static final Duration OUTAGE_FIRST_BACKOFF = Duration.ofMillis(250);
    private static final Duration OUTAGE_MAX_BACKOFF = Duration.ofSeconds(5);
    private static final int OUTAGE_RETRIES = 120;

    private final Triage triage;
    private final FeedbackReread reread;
    private final ObjectMapper json;

    FeedbackEventsConsumer(Triage triage, FeedbackReread reread, ObjectMapper json) {
        this.triage = triage;
        this.reread = reread;
        this.json = json;
    }

    @Incoming("feedback-events")
    public Uni<Void> consume(Message<byte[]> message) {
        FeedbackEvent event;
        try {
            event = FeedbackEvent.parse(message.getPayload(), json);
        } catch (FeedbackEvent.Poison poison) {
            LOG.warnf("Dead-lettering a feedback event that cannot be processed: %s", poison.getMessage());
            return Uni.createFrom().completionStage(message.nack(poison));
        }
        Uni<?> handled = switch (event) {
            case FeedbackEvent.Received received -> triage.handle(received.id(), received.data());
            case FeedbackEvent.Updated updated -> reread.handle(updated.id(), updated.data());
        };
        return handled
                .onFailure(TransientFailure::test).retry().withBackOff(OUTAGE_FIRST_BACKOFF, OUTAGE_MAX_BACKOFF)
                .atMost(OUTAGE_RETRIES)
                .onFailure(failure -> !TransientFailure.test(failure))
                .retry().withBackOff(Duration.ofMillis(200), Duration.ofSeconds(2)).atMost(3)
                .onItemOrFailure().transformToUni((outcome, failure) -> {
                    if (failure != null) {
                        LOG.errorf(failure, "Dead-lettering feedback event %s after retries", event.id());
                        return Uni.createFrom().completionStage(message.nack(failure));
                    }
                    return Uni.createFrom().completionStage(message.ack());
                });
    }
}
