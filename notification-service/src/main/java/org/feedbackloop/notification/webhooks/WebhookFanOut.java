package org.feedbackloop.notification.webhooks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/** Queues one delivery per active subscription to the event's type, in the consumer's transaction. */
@ApplicationScoped
public class WebhookFanOut {

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
