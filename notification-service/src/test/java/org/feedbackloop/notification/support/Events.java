package org.feedbackloop.notification.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.GetResponse;

import java.io.IOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeoutException;

/**
 * The tests' own connection to the real broker (test virtual host): publishes the events feedback-service and
 * action-service publish, records what this service publishes, reads dead-letter queues.
 */
public final class Events implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Connection connection;
    private final Channel channel;
    private final List<JsonNode> published = new CopyOnWriteArrayList<>();

    public Events() throws IOException, TimeoutException {
        var factory = new ConnectionFactory();
        factory.setHost("127.0.0.1");
        factory.setPort(TestInfrastructure.RABBITMQ_PORT);
        factory.setVirtualHost("feedbackloop-test");
        connection = factory.newConnection("notification-service tests");
        channel = connection.createChannel();
        channel.confirmSelect();
        for (var exchange : List.of("feedback.events", "action.events", "notification.events")) {
            channel.exchangeDeclare(exchange, "topic", true, false, Map.of("alternate-exchange", exchange + ".unrouted"));
        }
        var queue = channel.queueDeclare("", false, true, true, null).getQueue();
        channel.queueBind(queue, "notification.events", "#");
        channel.basicConsume(queue, true, (tag, delivery) -> published.add(JSON.readTree(delivery.getBody())), tag -> { });
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
        publish(event.path("type").asText().split("\\.")[0] + ".events", event.path("type").asText(), JSON.writeValueAsBytes(event));
    }

    public void publish(String exchange, String routingKey, byte[] body) throws Exception {
        channel.basicPublish(exchange, routingKey, true,
                new AMQP.BasicProperties.Builder().contentType("application/cloudevents+json").deliveryMode(2).build(), body);
        channel.waitForConfirmsOrDie(5_000);
    }

    /** notification.* events this service published while this connection was open. */
    public List<JsonNode> published(String type) {
        return new ArrayList<>(published.stream().filter(e -> e.path("type").asText().equals(type)).toList());
    }

    public List<byte[]> drain(String queue) throws IOException {
        var bodies = new ArrayList<byte[]>();
        GetResponse response;
        while ((response = channel.basicGet(queue, true)) != null) {
            bodies.add(response.getBody());
        }
        return bodies;
    }

    @Override
    public void close() throws IOException, TimeoutException {
        connection.close();
    }
}
