package org.feedbackloop.notification.webhooks;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.feedbackloop.kit.openapi.Counts;

import java.time.Instant;
import java.util.UUID;

/** One entry of a subscription's delivery log. */
@Schema(name = "WebhookDelivery")
public record DeliveryView(
        @Schema(description = "Also the webhook-id header: the same on every retry, for de-duplication") UUID id,
        @Schema(description = "The CloudEvent's id") UUID eventId,
        @Schema(examples = "action.status-changed", maxLength = EventTypeFilter.TYPE_MAX_LENGTH,
                pattern = EventTypeFilter.DELIVERED_TYPE_PATTERN) String eventType,
        @Schema(description = "PENDING, SENT, FAILED (retried at nextAttemptAt) or DEAD (given up)")
        WebhookDelivery.Status status,
        @Schema(minimum = Counts.MIN, maximum = Counts.INT_MAX) int attempts,
        @Schema(nullable = true, description = "HTTP status of the last answer; null when none came, or when it was no "
                + "HTTP status (lastError tells what came)", minimum = WebhookSender.LOWEST_STATUS,
                maximum = WebhookSender.HIGHEST_STATUS) Integer lastStatusCode,
        @Schema(nullable = true, description = "Why the last attempt failed", maxLength = WebhookSender.MAX_ERROR_LENGTH)
        String lastError,
        @Schema(nullable = true, implementation = String.class, format = "date-time") Instant nextAttemptAt,
        Instant createdAt,
        @Schema(nullable = true, implementation = String.class, format = "date-time",
                description = "When the receiver accepted it") Instant deliveredAt) {

    static DeliveryView of(WebhookDelivery delivery) {
        return new DeliveryView(delivery.id, delivery.eventId, delivery.eventType, delivery.status, delivery.attempts,
                delivery.lastStatusCode, delivery.lastError, delivery.nextAttemptAt, delivery.createdAt,
                delivery.deliveredAt);
    }
}
