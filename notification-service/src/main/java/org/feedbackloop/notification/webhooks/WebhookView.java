package org.feedbackloop.notification.webhooks;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A subscription as its integrator sees it; the secret only in the answer that created it. */
@Schema(name = "Webhook")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WebhookView(
        UUID id,
        @Schema(format = "uri", maxLength = UrlGuard.MAX_LENGTH) String url,
        @Schema(maxItems = NewWebhook.MAX_EVENT_TYPES, description = "Each one of the types NewWebhook accepts")
        List<String> eventTypes,
        @Schema(maxLength = NewWebhook.DESCRIPTION_MAX_LENGTH) String description,
        Instant createdAt,
        @Schema(description = "Signs every delivery (Standard Webhooks: webhook-signature is v1,<base64 HMAC-SHA256 of "
                + "\"<webhook-id>.<webhook-timestamp>.<body>\"> keyed with the base64 part after whsec_). Shown only "
                + "when the subscription is created: keep it.", examples = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
                pattern = WebhookSignature.SECRET_PATTERN, maxLength = WebhookSignature.SECRET_LENGTH)
        String secret) {

    static WebhookView of(WebhookSubscription subscription) {
        return new WebhookView(subscription.id, subscription.url, subscription.eventTypes, subscription.description,
                subscription.createdAt, null);
    }

    static WebhookView withSecret(WebhookSubscription subscription) {
        return new WebhookView(subscription.id, subscription.url, subscription.eventTypes, subscription.description,
                subscription.createdAt, subscription.secret);
    }
}
