package org.feedbackloop.action.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.GetResponse;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeoutException;

import static org.awaitility.Awaitility.await;

/**
 * The tests' own connection to the real broker (test virtual host): publishes events as other services do,
 * watches what this service publishes, and reads dead-letter queues.
 */
public final class Broker implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One message as it arrived. */
    public record Received(AMQP.BasicProperties properties, String routingKey, JsonNode event) {
    }

    private final Connection connection;
    private final Channel channel;
    private final List<Received> received = new CopyOnWriteArrayList<>();

    public Broker() throws IOException, TimeoutException {
        var factory = new ConnectionFactory();
        factory.setHost("127.0.0.1");
        factory.setPort(TestInfrastructure.RABBITMQ_PORT);
        factory.setVirtualHost(TestInfrastructure.RABBITMQ_VHOST);
        factory.setUsername("guest");
        factory.setPassword("guest");
        connection = factory.newConnection("action-service tests");
        channel = connection.createChannel();
        channel.confirmSelect();
        // Declared exactly as their owners declare them, whichever comes first.
        channel.exchangeDeclare("feedback.events", "topic", true, false, Map.of("alternate-exchange", "feedback.events.unrouted"));
        channel.exchangeDeclare("action.events", "topic", true, false, Map.of("alternate-exchange", "action.events.unrouted"));
    }

    /** Publishes raw bytes to {@code feedback.events} as feedback-service's relay would, and waits for the confirm. */
    public void publishFeedbackEvent(String routingKey, byte[] body) throws IOException, InterruptedException, TimeoutException {
        var properties = new AMQP.BasicProperties.Builder().contentType("application/cloudevents+json").deliveryMode(2).build();
        channel.basicPublish("feedback.events", routingKey, true, properties, body);
        channel.waitForConfirmsOrDie(5_000);
    }

    /** Starts recording every event on {@code action.events} matching the binding key. */
    public void tapActionEvents(String bindingKey) throws IOException {
        var queue = channel.queueDeclare("", false, true, true, null).getQueue();
        channel.queueBind(queue, "action.events", bindingKey);
        channel.basicConsume(queue, true, (tag, delivery) -> received.add(new Received(delivery.getProperties(),
                delivery.getEnvelope().getRoutingKey(), JSON.readTree(delivery.getBody()))), tag -> { });
    }

    /** The recorded events of one type about one action. */
    public List<Received> events(String type, String subject) {
        return new ArrayList<>(received.stream()
                .filter(r -> r.routingKey().equals(type) && r.event().path("subject").asText().equals(subject))
                .toList());
    }

    public List<Received> awaitEvents(String type, String subject, int count, Duration timeout) {
        await().atMost(timeout).until(() -> events(type, subject).size() >= count);
        return events(type, subject);
    }

    /** Takes every message from a queue (for the DLQ), without waiting. */
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
