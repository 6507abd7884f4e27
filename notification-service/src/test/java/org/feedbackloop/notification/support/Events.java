package org.feedbackloop.notification.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.feedbackloop.testkit.TestBroker;

import java.io.IOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeoutException;

/**
 * The tests' own connection to the real broker (test virtual host): publishes the events feedback-service and
 * action-service publish, records what this service publishes, reads dead-letter queues.
 */
public final class Events implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

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

    @Override
    public void close() throws IOException, TimeoutException {
        broker.close();
    }
}
