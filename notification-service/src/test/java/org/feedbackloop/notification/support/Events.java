package org.feedbackloop.notification.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.feedbackloop.testkit.TestBroker;
import org.feedbackloop.testkit.Tokens;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeoutException;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

/**
 * The tests' own connection to the real broker (test virtual host): publishes the events feedback-service and
 * action-service publish, records what this service publishes, reads dead-letter queues.
 */
public final class Events implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Whose inbox shows the markers: a user no test reads the whole inbox of. */
    private static final String MARKER_USER = "admin";
    private static final Duration MARKER_TIMEOUT = Duration.ofSeconds(15);

    private final TestBroker broker;

    public Events() throws IOException, TimeoutException {
        broker = new TestBroker("notification-service tests").tap("notification.events", "#");
    }

    /** A CloudEvent envelope of {@code type} about {@code subject}, with a fresh id. */
    public static ObjectNode event(String type, String source, Object subject) {
        var event = JSON.createObjectNode().put("specversion", "1.0").put("id", UUID.randomUUID().toString())
                .put("source", source).put("type", type).put("time", Instant.now().toString())
                .put("subject", subject.toString()).put("datacontenttype", "application/json");
        event.putObject("data");
        return event;
    }

    public static ObjectNode feedbackReceived(UUID feedbackId, String contributorId, String email, String text) {
        var event = event("feedback.received", "/feedback-service", feedbackId);
        var data = (ObjectNode) event.get("data");
        data.put("feedbackId", feedbackId.toString()).put("consentToContact", email != null).put("channel", "WEB")
                .put("text", text).put("topic", "billing").put("sentiment", -0.5)
                .put("receivedAt", Instant.now().truncatedTo(ChronoUnit.MICROS).toString());
        if (contributorId != null) {
            data.put("contributorId", contributorId);
        }
        if (email != null) {
            data.put("contactEmail", email);
        }
        return event;
    }

    public static ObjectNode feedbackLinked(UUID actionId, UUID feedbackId, String title, UUID previousActionId) {
        var event = event("action.feedback-linked", "/action-service", actionId);
        var data = ((ObjectNode) event.get("data")).put("actionId", actionId.toString()).put("feedbackId", feedbackId.toString())
                .put("consentToContact", true).put("actionTitle", title).put("actionStatus", "OPEN").put("team", "billing")
                .put("dueAt", Instant.now().plusSeconds(86_400 * 5).truncatedTo(ChronoUnit.SECONDS).toString())
                .put("linkedAt", Instant.now().truncatedTo(ChronoUnit.MICROS).toString());
        if (previousActionId != null) {
            data.put("previousActionId", previousActionId.toString());
        }
        return event;
    }

    public static ObjectNode statusChanged(UUID actionId, String title, String from, String to, String publicNote) {
        var event = event("action.status-changed", "/action-service", actionId);
        var data = ((ObjectNode) event.get("data")).put("actionId", actionId.toString()).put("title", title)
                .put("from", from).put("to", to).put("feedbackCount", 1).put("actorId", "owner-1")
                .put("changedAt", Instant.now().truncatedTo(ChronoUnit.MICROS).toString());
        if (publicNote != null) {
            data.put("publicNote", publicNote);
        }
        return event;
    }

    /**
     * {@code action.kudos-passed} as action-service announces it: praise passed to {@code team} (and its owner, when
     * {@code ownerId} is not null) instead of an action, now.
     */
    public static ObjectNode kudosPassed(UUID feedbackId, String team, String ownerId, String topic) {
        var now = Instant.now().truncatedTo(ChronoUnit.MICROS).toString();
        var event = event("action.kudos-passed", "/action-service", feedbackId);
        var data = ((ObjectNode) event.get("data")).put("feedbackId", feedbackId.toString()).put("team", team)
                .put("topic", topic).put("channel", "WEB").put("sentiment", 0.9).put("receivedAt", now).put("passedAt", now);
        if (ownerId != null) {
            data.put("ownerId", ownerId);
        }
        data.putObject("rating").put("scale", "NPS").put("score", 10);
        return event;
    }

    /** {@code feedback.updated} as feedback-service announces it when the analysis reads the words again. */
    public static ObjectNode sentimentUpdated(UUID feedbackId, double sentiment) {
        var event = event("feedback.updated", "/feedback-service", feedbackId);
        ((ObjectNode) event.get("data")).put("feedbackId", feedbackId.toString()).put("status", "RECEIVED")
                .put("updatedAt", Instant.now().truncatedTo(ChronoUnit.MICROS).toString()).put("sentiment", sentiment)
                .put("sentimentLabel", sentiment > 0 ? "POSITIVE" : sentiment < 0 ? "NEGATIVE" : "NEUTRAL");
        return event;
    }

    /**
     * {@code feedback.erased} as feedback-service announces it: {@code REQUESTED} names the person (their token's
     * {@code sub}), their items and their addresses' hashes ({@code FeedbackErased.hashOf}); {@code RETENTION} names
     * only items (pass null for the person and the hashes).
     */
    public static ObjectNode feedbackErased(String reason, String contributorId, List<UUID> feedbackIds,
                                            List<String> addressHashes) {
        var event = event("feedback.erased", "/feedback-service", contributorId != null ? contributorId : "retention");
        var data = ((ObjectNode) event.get("data")).put("reason", reason)
                .put("erasedAt", Instant.now().truncatedTo(ChronoUnit.MICROS).toString());
        if (contributorId != null) {
            data.put("contributorId", contributorId);
        }
        var ids = data.putArray("feedbackIds");
        feedbackIds.forEach(id -> ids.add(id.toString()));
        if (addressHashes != null) {
            var hashes = data.putArray("addressHashes");
            addressHashes.forEach(hashes::add);
        }
        return event;
    }

    /**
     * {@code insight.silence-detected} about a TOPIC or a CHANNEL ({@code segment}) and the 7 days before
     * {@code windowEnd}. It goes out on {@code feedback.events} (feedback-service publishes it), not the exchange its
     * type names: publish it with {@link #publishOnFeedbackEvents}.
     */
    public static ObjectNode silenceDetected(String dimension, String segment, Instant windowEnd, long observed,
                                             double expected, double pValue) {
        var event = event("insight.silence-detected", "/feedback-service", dimension + ":" + segment);
        ((ObjectNode) event.get("data")).put("dimension", dimension).put("segment", segment)
                .put("windowStart", windowEnd.minus(7, ChronoUnit.DAYS).toString()).put("windowEnd", windowEnd.toString())
                .put("observed", observed).put("expected", expected).put("pValue", pValue);
        return event;
    }

    /** Publishes to {@code feedback.events} under the event's type, as feedback-service's relay does. */
    public void publishOnFeedbackEvents(ObjectNode event) throws Exception {
        publish("feedback.events", event.path("type").asText(), JSON.writeValueAsBytes(event));
    }

    /** Publishes to the event's exchange (from its type) with publisher confirms. */
    public void publish(ObjectNode event) throws Exception {
        broker.publish(event);
    }

    public void publish(String exchange, String routingKey, byte[] body) throws Exception {
        broker.publish(exchange, routingKey, body);
    }

    /** notification.* events this service published while this connection was open. */
    public List<JsonNode> published(String type) {
        return broker.matching(r -> r.type().equals(type)).stream().map(TestBroker.Received::event).toList();
    }

    public List<byte[]> drain(String queue) throws IOException {
        return broker.drain(queue);
    }

    /** Messages of a queue not yet delivered to its consumer (those delivered but not acknowledged do not count). */
    public int ready(String queue) throws IOException {
        return broker.channel().queueDeclarePassive(queue).getMessageCount();
    }

    /**
     * Waits until the service has handled everything published to {@code feedback.events} before this call: a
     * marker follows it through the same queue, whose consumer takes one message at a time in queue order
     * (the immediate e-mail after the commit included), so once the marker's "thank you" is in the marker user's
     * inbox every earlier message is done with.
     */
    public void awaitFeedbackEventsHandled() throws Exception {
        var marker = UUID.randomUUID();
        publish(feedbackReceived(marker, Tokens.subjectOf(MARKER_USER), null, "Marker " + marker));
        awaitInMarkerInbox(marker);
    }

    /** The same for {@code action.events}: the marker is an assignment to the marker user. */
    public void awaitActionEventsHandled() throws Exception {
        var marker = UUID.randomUUID();
        var assigned = event("action.assigned", "/action-service", marker);
        ((ObjectNode) assigned.get("data")).put("actionId", marker.toString()).put("title", "Marker " + marker)
                .put("team", "billing").put("ownerId", Tokens.subjectOf(MARKER_USER)).put("ownerName", MARKER_USER)
                .put("actorId", "marker").put("assignedAt", Instant.now().toString());
        publish(assigned);
        awaitInMarkerInbox(marker);
    }

    private static void awaitInMarkerInbox(UUID marker) {
        var token = Tokens.of(MARKER_USER);
        await().atMost(MARKER_TIMEOUT).until(() -> given().auth().oauth2(token).queryParam("limit", 100)
                .get("/api/me/notifications").then().statusCode(200).extract().asString().contains(marker.toString()));
    }

    @Override
    public void close() throws IOException, TimeoutException {
        broker.close();
    }
}
