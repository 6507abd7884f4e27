package org.feedbackloop.notification.webhooks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/** Queues one delivery per active subscription to the event's type, in the consumer's transaction. */
@ApplicationScoped
public class WebhookFanOut {

    private static final Logger LOG = Logger.getLogger(WebhookFanOut.class);

    private final DeliveryRepository deliveries;
    private final ObjectMapper json;
    private final Clock clock;

    WebhookFanOut(DeliveryRepository deliveries, ObjectMapper json, Clock clock) {
        this.deliveries = deliveries;
        this.json = json;
        this.clock = clock;
    }

    /** Must run inside the transaction that records the event as processed: both commit or neither does. */
    public Uni<Void> fanOut(UUID eventId, String type, JsonNode event) {
        if (type.length() > EventTypeFilter.TYPE_MAX_LENGTH) {
            LOG.warnf("Event %s is not passed to webhooks: its type is longer than %d characters", eventId,
                    EventTypeFilter.TYPE_MAX_LENGTH);
            return Uni.createFrom().voidItem();
        }
        String payload;
        try {
            payload = json.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            return Uni.createFrom().failure(e);
        }
        return deliveries.queueFor(eventId, type, EventTypeFilter.familyOf(type), payload,
                        clock.instant().truncatedTo(ChronoUnit.MICROS))
                .replaceWithVoid();
    }
}
