package org.feedbackloop.feedback.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.DeliverCallback;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

import static org.awaitility.Awaitility.await;

/**
 * A test consumer bound to {@code feedback.events} on the real broker (the test virtual host): a private,
 * exclusive queue that sees every event published while it is open.
 */
public final class EventTap implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One message as it arrived: its AMQP properties and its CloudEvent body. */
    public record Received(AMQP.BasicProperties properties, String routingKey, JsonNode event) {
    }

    private final Connection connection;
    private final Channel channel;
    private final List<Received> received = new CopyOnWriteArrayList<>();

    public EventTap(String bindingKey) throws IOException, TimeoutException {
        var factory = new ConnectionFactory();
        factory.setHost("127.0.0.1");
        factory.setPort(TestInfrastructure.RABBITMQ_PORT);
        factory.setVirtualHost("feedbackloop-test");
        factory.setUsername("guest");
        factory.setPassword("guest");
        connection = factory.newConnection("feedback-service test tap");
        channel = connection.createChannel();
        // Declared exactly as the service declares it, whichever of the two comes first.
        channel.exchangeDeclare("feedback.events", "topic", true, false,
                java.util.Map.of("alternate-exchange", "feedback.events.unrouted"));
        var queue = channel.queueDeclare("", false, true, true, null).getQueue();
        channel.queueBind(queue, "feedback.events", bindingKey);
        DeliverCallback onMessage = (tag, delivery) -> received.add(new Received(delivery.getProperties(),
                delivery.getEnvelope().getRoutingKey(), JSON.readTree(delivery.getBody())));
        channel.basicConsume(queue, true, onMessage, tag -> { });
    }

    /** Waits until an event about {@code subject} arrived and returns every such event seen so far. */
    public List<Received> awaitAbout(String subject, Duration timeout) {
        await().atMost(timeout).until(() -> !about(subject).isEmpty());
        return about(subject);
    }

    public List<Received> about(String subject) {
        return matching(r -> subject.equals(r.event().path("subject").asText()));
    }

    public List<Received> matching(Predicate<Received> predicate) {
        return new ArrayList<>(received.stream().filter(predicate).toList());
    }

    @Override
    public void close() throws IOException, TimeoutException {
        connection.close();
    }
}
