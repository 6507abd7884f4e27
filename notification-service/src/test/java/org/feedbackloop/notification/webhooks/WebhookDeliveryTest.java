package org.feedbackloop.notification.webhooks;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agroal.api.AgroalDataSource;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;
import org.feedbackloop.notification.support.Events;
import org.feedbackloop.notification.support.TestInfrastructure;
import org.feedbackloop.testkit.Rows;
import org.feedbackloop.testkit.Tokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Webhooks end to end: real events through the real broker, delivered to a receiver on 127.0.0.1 (allowed by
 * the test profile), with retries, dead deliveries, de-duplication and deletion. Test profile: 3 attempts,
 * back-off from 200 ms.
 */
@QuarkusTest
@WithTestResource(value = TestInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES)
class WebhookDeliveryTest {

    private static final Duration SOON = Duration.ofSeconds(15);

    @Inject
    AgroalDataSource database;

    @Inject
    WebhookFanOut fanOut;

    private Events events;
    private Webhooks webhooks;
    private WebhookReceiver receiver;

    @BeforeEach
    void connect() throws Exception {
        events = new Events();
        webhooks = new Webhooks();
        receiver = new WebhookReceiver();
    }

    @AfterEach
    void disconnect() throws Exception {
        webhooks.close();
        receiver.close();
        events.close();
    }

    private static ObjectNode feedbackEvent(String words) {
        return Events.feedbackReceived(UUID.randomUUID(), Tokens.subjectOf("alice"), null, words);
    }

    private static UUID idOf(ObjectNode event) {
        return UUID.fromString(event.path("id").asText());
    }

    @Test
    void theReceiverGetsTheCloudEventSignedWithTheSecret() throws Exception {
        var subscription = webhooks.subscribe(receiver.url(), "feedback.received");
        var event = feedbackEvent("The invoice was wrong twice.");

        events.publish(event);

        await().atMost(SOON).until(() -> !receiver.of(idOf(event)).isEmpty());
        var request = receiver.of(idOf(event)).getFirst();
        assertThat(request.header("content-type")).isEqualTo("application/cloudevents+json");
        assertThat(request.header("user-agent")).startsWith("FeedbackLoop-Webhooks/");
        assertThat(request.signedWith(subscription.secret())).as("valid Standard Webhooks signature").isTrue();
        assertThat(Long.parseLong(request.header("webhook-timestamp")))
                .isBetween(Instant.now().getEpochSecond() - 60, Instant.now().getEpochSecond() + 5);
        assertThat(request.event().path("specversion").asText()).isEqualTo("1.0");
        assertThat(request.event().path("type").asText()).isEqualTo("feedback.received");
        assertThat(request.event().path("data").path("text").asText()).isEqualTo("The invoice was wrong twice.");
        assertThat(request.signedWith(WebhookSignature.newSecret())).as("another secret does not verify").isFalse();

        await().atMost(SOON).untilAsserted(() -> {
            var entry = Webhooks.entry(subscription.id(), idOf(event));
            assertThat(entry).containsEntry("status", "SENT").containsEntry("attempts", 1)
                    .containsEntry("lastStatusCode", 200).containsEntry("eventType", "feedback.received");
            assertThat(entry.get("id")).isEqualTo(request.header("webhook-id"));
            assertThat(entry.get("deliveredAt")).isNotNull();
        });
        assertThat(given().get("/q/metrics").then().statusCode(200).extract().asString())
                .contains("notifications_webhooks_delivered_total", "notifications_webhooks_failures_total",
                        "notifications_webhooks_dead_total");
    }

    @Test
    void aWildcardTakesTheWholeFamilyAndNothingElse() throws Exception {
        var actions = webhooks.subscribe(receiver.url(), "action.*");
        try (var marker = new WebhookReceiver()) {
            webhooks.subscribe(marker.url(), "feedback.received");
            var statusChanged = Events.statusChanged(UUID.randomUUID(), "Refund double charges", "OPEN", "PLANNED", null);
            var feedback = feedbackEvent("Refund me please.");

            events.publish(statusChanged);
            events.publish(feedback);

            await().atMost(SOON).until(() -> !receiver.of(idOf(statusChanged)).isEmpty() && !marker.of(idOf(feedback)).isEmpty());
            // the marker's delivery was queued in the same transaction as any to the action.* subscription
            assertThat(deliveriesOf(actions.id(), idOf(feedback))).isZero();
            assertThat(receiver.of(idOf(feedback))).isEmpty();
        }
    }

    @Test
    void aFailedDeliveryIsRetriedUntilTheReceiverAccepts() throws Exception {
        receiver.answering(500);
        var subscription = webhooks.subscribe(receiver.url(), "feedback.*");
        var event = feedbackEvent("Second time lucky.");

        events.publish(event);

        await().atMost(SOON).untilAsserted(() -> assertThat(Webhooks.entry(subscription.id(), idOf(event)))
                .containsEntry("status", "SENT").containsEntry("attempts", 2).containsEntry("lastStatusCode", 200));
        var requests = receiver.of(idOf(event));
        assertThat(requests).hasSize(2);
        assertThat(requests).extracting(r -> r.header("webhook-id")).as("the same webhook-id on a retry").containsOnly(
                requests.getFirst().header("webhook-id"));
        assertThat(requests).allMatch(r -> r.signedWith(subscription.secret()));
    }

    @Test
    void aRedirectIsNotFollowedButRetried() throws Exception {
        receiver.answering(307);
        var subscription = webhooks.subscribe(receiver.url(), "feedback.received");
        var event = feedbackEvent("Moved, temporarily.");

        events.publish(event);

        await().atMost(SOON).untilAsserted(() -> assertThat(Webhooks.entry(subscription.id(), idOf(event)))
                .containsEntry("status", "SENT").containsEntry("attempts", 2));
        assertThat(receiver.of(idOf(event))).extracting(WebhookReceiver.Received::path)
                .containsExactly("/hooks/feedbackloop", "/hooks/feedbackloop");
    }

    @Test
    void aDeliveryThatKeepsFailingIsDeadAfterTheLastAttempt() throws Exception {
        receiver.otherwiseAnswering(500);
        var subscription = webhooks.subscribe(receiver.url(), "feedback.received");
        var event = feedbackEvent("Nobody is listening.");

        events.publish(event);

        await().atMost(SOON).untilAsserted(() -> assertThat(Webhooks.entry(subscription.id(), idOf(event)))
                .containsEntry("status", "DEAD").containsEntry("attempts", 3).containsEntry("lastStatusCode", 500)
                .containsEntry("nextAttemptAt", null));
        assertThat((String) Webhooks.entry(subscription.id(), idOf(event)).get("lastError")).startsWith("HTTP 500");
        assertThat(receiver.of(idOf(event))).hasSize(3);
    }

    @Test
    void aRedeliveredEventIsDeliveredOnce() throws Exception {
        var subscription = webhooks.subscribe(receiver.url(), "feedback.received");
        var event = feedbackEvent("Said once, sent twice by the broker.");
        var marker = feedbackEvent("Published after the copy.");

        publishTwiceThenAMarker(event, marker);
        assertThat(receiver.of(idOf(event))).hasSize(1);
        assertThat(deliveriesOf(subscription.id(), idOf(event))).isEqualTo(1);
    }

    /** feedback.updated tells no contributor: it takes no processed-event record, the delivery's key is enough. */
    @Test
    void aRedeliveredEventOnlyIntegratorsWantIsDeliveredOnce() throws Exception {
        var subscription = webhooks.subscribe(receiver.url(), "feedback.updated");
        var event = Events.event("feedback.updated", "/feedback-service", UUID.randomUUID());
        ((ObjectNode) event.get("data")).put("feedbackId", event.get("subject").asText()).put("status", "TRACKED");
        var marker = feedbackEvent("Published after the copy of an update.");
        webhooks.subscribe(receiver.url(), "feedback.received");

        publishTwiceThenAMarker(event, marker);
        assertThat(receiver.of(idOf(event))).hasSize(1);
        assertThat(deliveriesOf(subscription.id(), idOf(event))).isEqualTo(1);
    }

    @Test
    void queueingTheSameEventTwiceAddsOneDelivery() throws Throwable {
        var subscription = webhooks.subscribe(receiver.url(), "feedback.updated");
        var event = Events.event("feedback.updated", "/feedback-service", UUID.randomUUID());

        for (int i = 0; i < 2; i++) {
            VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(
                    () -> fanOut.fanOut(idOf(event), "feedback.updated", event)));
        }

        assertThat(deliveriesOf(subscription.id(), idOf(event))).isEqualTo(1);
        await().atMost(SOON).until(() -> !receiver.of(idOf(event)).isEmpty());
        assertThat(receiver.of(idOf(event))).hasSize(1);
    }

    @Test
    void aDeletedSubscriptionGetsNothingMore() throws Exception {
        var deleted = webhooks.subscribe(receiver.url(), "feedback.received");
        try (var marker = new WebhookReceiver()) {
            webhooks.subscribe(marker.url(), "feedback.received");
            var before = feedbackEvent("Before the delete.");
            events.publish(before);
            await().atMost(SOON).until(() -> !receiver.of(idOf(before)).isEmpty());

            Webhooks.delete(deleted.id());
            var after = feedbackEvent("After the delete.");
            events.publish(after);

            await().atMost(SOON).until(() -> !marker.of(idOf(after)).isEmpty());
            assertThat(deliveriesOf(deleted.id(), idOf(after))).as("queued for the deleted subscription").isZero();
            assertThat(receiver.of(idOf(after))).isEmpty();
            assertThat(deliveriesOf(deleted.id(), idOf(before))).as("its log is kept").isEqualTo(1);
            given().auth().oauth2(Tokens.integrator()).get("/api/webhooks/" + deleted.id() + "/deliveries")
                    .then().statusCode(404);
        }
    }

    @Test
    void deletingStopsTheRetriesOfWhatWasStillToBeDelivered() throws Exception {
        var subscription = webhooks.subscribe(receiver.url(), "feedback.received");
        var waiting = UUID.randomUUID();
        execute("""
                insert into webhook_delivery (id, subscription_id, event_id, event_type, payload, status, attempts,
                                              next_attempt_at, created_at)
                values (gen_random_uuid(), ?, ?, 'feedback.received', '{}', 'FAILED', 1, now() + interval '1 hour', now())""",
                subscription.id(), waiting);

        Webhooks.delete(subscription.id());

        assertThat(new Rows(database).count("select count(*) from webhook_delivery where event_id = ? and status = 'DEAD'"
                + " and next_attempt_at is null and last_error = 'subscription deleted'", waiting)).isEqualTo(1);
    }

    @Test
    void aUrlThatNowResolvesToAPrivateAddressIsRefusedAtDelivery() throws Exception {
        var subscription = webhooks.subscribe(receiver.url(), "feedback.received");
        // what a DNS change after subscribing looks like to the dispatcher
        execute("update webhook_subscription set url = 'http://169.254.169.254/latest/meta-data/' where id = ?",
                subscription.id());
        var event = feedbackEvent("Aimed at the metadata service.");

        events.publish(event);

        await().atMost(SOON).untilAsserted(() -> assertThat(Webhooks.entry(subscription.id(), idOf(event)))
                .containsEntry("status", "DEAD").containsEntry("attempts", 3).containsEntry("lastStatusCode", null));
        assertThat((String) Webhooks.entry(subscription.id(), idOf(event)).get("lastError"))
                .contains("refused").contains("link-local");
        assertThat(receiver.all()).isEmpty();
    }

    private long deliveriesOf(UUID subscription, UUID eventId) {
        return new Rows(database).count("select count(*) from webhook_delivery where subscription_id = ? and event_id = ?",
                subscription, eventId);
    }

    /** The event delivered, then the broker's copy of it, then a marker: once the marker is in, the copy was handled. */
    private void publishTwiceThenAMarker(ObjectNode event, ObjectNode marker) throws Exception {
        events.publish(event);
        await().atMost(SOON).until(() -> !receiver.of(idOf(event)).isEmpty());
        events.publish(event);
        events.publish(marker);
        await().atMost(SOON).until(() -> !receiver.of(idOf(marker)).isEmpty());
    }

    private void execute(String sql, Object... parameters) throws SQLException {
        try (var connection = database.getConnection(); var statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            statement.executeUpdate();
        }
    }
}
