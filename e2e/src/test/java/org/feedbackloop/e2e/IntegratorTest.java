package org.feedbackloop.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.feedbackloop.e2e.Gateway.map;

/**
 * An integrator, through the gateway only: a client-credentials token, a webhook subscription, an import of a
 * customer's feedback that is safe to retry, and the signed CloudEvents that tell the integrator's endpoint what
 * became of it.
 */
class IntegratorTest {

    @RegisterExtension
    static Suite suite = new Suite();

    @Test
    void importsFeedbackIdempotentlyAndReceivesSignedCloudEvents() throws Exception {
        var run = UUID.randomUUID().toString().substring(0, 8);
        var integrator = Gateway.as(Api.integratorToken());
        try (var receiver = new WebhookReceiver()) {
            var subscription = integrator.post("/api/webhooks", map("url", receiver.url(),
                    "eventTypes", new String[] {"feedback.received", "action.*"}, "description", "CRM sync " + run));
            assertThat(subscription.status()).as(subscription.toString()).isEqualTo(201);
            var subscriptionId = subscription.json().path("id").asText();
            var secret = subscription.json().path("secret").asText();
            assertThat(secret).startsWith("whsec_");

            var key = "crm-import-" + run;
            var body = map("text", "Import " + run + ": the delivery driver left my parcel in the rain, it was soaked.",
                    "channel", "API", "externalRef", "crm-ticket-" + run, "consentToContact", true,
                    "contact", map("email", "customer." + run + "@crm.example.com"));
            var first = integrator.post("/api/feedback", body, "Idempotency-Key", key);
            assertThat(first.status()).as(first.toString()).isEqualTo(201);
            var feedbackId = first.json().path("id").asText();
            var retry = integrator.post("/api/feedback", body, "Idempotency-Key", key);
            assertThat(retry.status()).isEqualTo(201);
            assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
            assertThat(retry.json().path("id").asText()).isEqualTo(feedbackId);
            var changed = integrator.post("/api/feedback", map("text", "Something else " + run, "channel", "API"),
                    "Idempotency-Key", key);
            assertThat(changed.status()).isEqualTo(422);
            assertThat(changed.header("Content-Type")).startsWith("application/problem+json");
            assertThat(integrator.get("/api/feedback?q=" + run + "&limit=10").items()).as("one item for one key")
                    .extracting(item -> item.path("id").asText()).containsExactly(feedbackId);

            var received = Await.until("the feedback.received CloudEvent", Duration.ofSeconds(30),
                    () -> receiver.deliveries().stream().filter(d -> d.body().contains(feedbackId)
                            && d.body().contains("\"feedback.received\"")).toList(), found -> !found.isEmpty());
            var linked = Await.until("the action.feedback-linked CloudEvent", Duration.ofSeconds(30),
                    () -> receiver.deliveries().stream().filter(d -> d.body().contains(feedbackId)
                            && d.body().contains("\"action.feedback-linked\"")).toList(), found -> !found.isEmpty());
            assertThat(received).hasSize(1);
            assertThat(linked).hasSize(1);
            for (var delivery : receiver.deliveries()) {
                assertSignedCloudEvent(delivery, secret);
            }
            var event = Gateway.JSON.readTree(received.getFirst().body());
            assertThat(event.path("data").path("feedbackId").asText()).isEqualTo(feedbackId);
            assertThat(event.path("data").path("externalRef").asText()).isEqualTo("crm-ticket-" + run);
            assertThat(event.path("data").path("channel").asText()).isEqualTo("API");

            var log = Await.until("the delivery log", Duration.ofSeconds(10),
                    () -> integrator.get("/api/webhooks/" + subscriptionId + "/deliveries?limit=100"),
                    reply -> reply.items().stream().anyMatch(d -> d.path("status").asText().equals("SENT")));
            assertThat(log.items()).allSatisfy(d -> assertThat(d.path("status").asText()).isIn("SENT", "PENDING"));
            assertThat(integrator.delete("/api/webhooks/" + subscriptionId).status()).isEqualTo(204);
        }
    }

    /** What a receiver checks (Standard Webhooks): the HMAC-SHA256 of "id.timestamp.body" under the secret's key. */
    private static void assertSignedCloudEvent(WebhookReceiver.Delivery delivery, String secret)
            throws GeneralSecurityException, IOException {
        var id = delivery.header("webhook-id");
        var timestamp = delivery.header("webhook-timestamp");
        assertThat(id).isNotBlank();
        assertThat(Long.parseLong(timestamp)).isCloseTo(System.currentTimeMillis() / 1000, org.assertj.core.data.Offset.offset(300L));
        var mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
        var expected = "v1," + Base64.getEncoder().encodeToString(
                mac.doFinal((id + "." + timestamp + "." + delivery.body()).getBytes(StandardCharsets.UTF_8)));
        assertThat(delivery.header("webhook-signature").split(" ")).contains(expected);
        assertThat(delivery.header("Content-Type")).startsWith("application/cloudevents+json");
        JsonNode event = Gateway.JSON.readTree(delivery.body());
        assertThat(event.path("specversion").asText()).isEqualTo("1.0");
        assertThat(event.path("id").asText()).isNotBlank();
        assertThat(event.path("type").asText()).matches("(feedback|action)\\..+");
        assertThat(event.path("source").asText()).isNotBlank();
    }
}
