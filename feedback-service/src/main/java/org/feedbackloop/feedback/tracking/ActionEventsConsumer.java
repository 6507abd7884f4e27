package org.feedbackloop.feedback.tracking;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.feedbackloop.events.ActionFeedbackLinked;
import org.feedbackloop.events.EventTypes;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.time.Duration;
import java.util.UUID;

/**
 * Consumes {@code action.events} from the quorum queue {@code feedback-service.action-service}. Acknowledges
 * after the transaction committed; a message that can never succeed is dead-lettered at once to
 * {@code feedback-service.action-service.dlq}; a failure that may pass is retried with back-off, then
 * dead-lettered, so the queue never stalls behind one message.
 */
@ApplicationScoped
public class ActionEventsConsumer {

    private static final Logger LOG = Logger.getLogger(ActionEventsConsumer.class);

    private final Tracking tracking;
    private final ObjectMapper json;

    ActionEventsConsumer(Tracking tracking, ObjectMapper json) {
        this.tracking = tracking;
        this.json = json;
    }

    @Incoming("action-events")
    public Uni<Void> consume(Message<byte[]> message) {
        UUID eventId;
        ActionFeedbackLinked link;
        try {
            JsonNode event = json.readTree(message.getPayload());
            if (event == null || !EventTypes.ACTION_FEEDBACK_LINKED.equals(event.path("type").asText())) {
                throw new IllegalArgumentException("not an " + EventTypes.ACTION_FEEDBACK_LINKED + " CloudEvent");
            }
            eventId = UUID.fromString(event.path("id").asText());
            link = json.treeToValue(event.path("data"), ActionFeedbackLinked.class);
            if (link == null || link.actionId() == null || link.feedbackId() == null || link.linkedAt() == null) {
                throw new IllegalArgumentException("data lacks actionId, feedbackId or linkedAt");
            }
        } catch (IOException | RuntimeException poison) {
            LOG.warnf("Dead-lettering an action event that cannot be processed: %s", poison.getMessage());
            return Uni.createFrom().completionStage(message.nack(poison));
        }
        return tracking.linked(eventId, link)
                .onFailure().retry().withBackOff(Duration.ofMillis(200), Duration.ofSeconds(2)).atMost(3)
                .onItemOrFailure().transformToUni((changed, failure) -> {
                    if (failure != null) {
                        LOG.errorf(failure, "Dead-lettering action event %s after retries", eventId);
                        return Uni.createFrom().completionStage(message.nack(failure));
                    }
                    return Uni.createFrom().completionStage(message.ack());
                });
    }
}
