package org.feedbackloop.notification.intake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.feedbackloop.notification.email.EmailSender;
import org.feedbackloop.notification.inbox.LiveStream;
import org.feedbackloop.events.TransientFailure;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.time.Duration;
import java.util.UUID;

/**
 * Consumes {@code feedback.events} (queue {@code notification-service.feedback-service}) and {@code action.events}
 * (queue {@code notification-service.action-service}), both quorum queues with dead-letter queues. Acknowledges
 * after the commit; a message that can never succeed is dead-lettered at once; a failure that may pass is retried
 * with back-off (longer when it waits for the other queue), then dead-lettered.
 */
@ApplicationScoped
public class EventConsumers {

    private static final Logger LOG = Logger.getLogger(EventConsumers.class);

    private final Intake intake;
    private final LiveStream live;
    private final EmailSender email;
    private final ObjectMapper json;

    EventConsumers(Intake intake, LiveStream live, EmailSender email, ObjectMapper json) {
        this.intake = intake;
        this.live = live;
        this.email = email;
        this.json = json;
    }

    @Incoming("feedback-events")
    public Uni<Void> feedbackEvents(Message<byte[]> message) {
        return consume(message);
    }

    @Incoming("action-events")
    public Uni<Void> actionEvents(Message<byte[]> message) {
        return consume(message);
    }

    private Uni<Void> consume(Message<byte[]> message) {
        JsonNode event;
        UUID id;
        String type;
        try {
            event = json.readTree(message.getPayload());
            id = UUID.fromString(event.path("id").asText());
            type = event.path("type").asText();
            if (type.isEmpty()) {
                throw new IllegalArgumentException("no type");
            }
        } catch (IOException | RuntimeException poison) {
            return deadLetter(message, "cannot be read: " + poison.getMessage(), poison);
        }
        return intake.handle(id, type, event)
                // while the database is away, for as long as about ten minutes: an outage never dead-letters
                .onFailure(TransientFailure::test).retry().withBackOff(Duration.ofMillis(250), Duration.ofSeconds(5))
                .atMost(120)
                // the feedback a link names may still be on its way (held up by such an outage): a few minutes
                .onFailure(Intake.NotYetKnown.class).retry().withBackOff(Duration.ofMillis(250), Duration.ofSeconds(5)).atMost(40)
                .onFailure(failure -> !(failure instanceof Intake.Unreadable || failure instanceof Intake.NotYetKnown
                        || TransientFailure.test(failure)))
                .retry().withBackOff(Duration.ofMillis(200), Duration.ofSeconds(2)).atMost(3)
                .onItemOrFailure().transformToUni((created, failure) -> {
                    if (failure != null) {
                        return deadLetter(message, type + " " + id + ": " + failure.getMessage(), failure);
                    }
                    live.publish(created);
                    return Uni.createFrom().completionStage(message.ack())
                            .call(acked -> email.sendNowIfDue(created));
                });
    }

    private static Uni<Void> deadLetter(Message<byte[]> message, String why, Throwable failure) {
        LOG.warnf("Dead-lettering an event: %s", why);
        return Uni.createFrom().completionStage(message.nack(failure));
    }
}
