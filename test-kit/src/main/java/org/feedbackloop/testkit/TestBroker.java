package org.feedbackloop.testkit;

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
import java.util.function.Predicate;

import static org.awaitility.Awaitility.await;

/**
 * The tests' own connection to RabbitMQ (the tests' virtual host): publishes events as a service's relay would,
 * with confirms, records the events of the exchanges it taps, and drains queues. The three event exchanges are
 * declared exactly as their owners declare them, whichever comes first.
 */
public final class TestBroker implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> EXCHANGES = List.of("feedback.events", "action.events", "notification.events");

    /** One message as it arrived: its AMQP properties, its routing key and its CloudEvent body. */
    public record Received(AMQP.BasicProperties properties, String routingKey, JsonNode event) {

        public String type() {
            return event.path("type").asText();
        }

        public String subject() {
            return event.path("subject").asText();
        }
    }

    private final Connection connection;
    private final Channel channel;
    private final List<Received> received = new CopyOnWriteArrayList<>();

    /** {@code name}: how the connection shows in RabbitMQ's management. */
    public TestBroker(String name) throws IOException, TimeoutException {
        var factory = new ConnectionFactory();
        factory.setHost("127.0.0.1");
        factory.setPort(Infrastructure.RABBITMQ_PORT);
        factory.setVirtualHost(Infrastructure.RABBITMQ_VHOST);
        factory.setUsername("guest");
        factory.setPassword("guest");
        connection = factory.newConnection(name);
        channel = connection.createChannel();
        channel.confirmSelect();
        for (var exchange : EXCHANGES) {
            channel.exchangeDeclare(exchange, "topic", true, false, Map.of("alternate-exchange", exchange + ".unrouted"));
        }
    }

    public Channel channel() {
        return channel;
    }

    /** Publishes a CloudEvent to its type's exchange ({@code feedback.received} to {@code feedback.events}). */
    public void publish(JsonNode event) throws IOException, InterruptedException, TimeoutException {
        var type = event.path("type").asText();
        publish(type.substring(0, type.indexOf('.')) + ".events", type, JSON.writeValueAsBytes(event));
    }

    /** Publishes raw bytes as a service's relay would (persistent, CloudEvents content type) and waits for the confirm. */
    public void publish(String exchange, String routingKey, byte[] body)
            throws IOException, InterruptedException, TimeoutException {
        var properties = new AMQP.BasicProperties.Builder().contentType("application/cloudevents+json").deliveryMode(2).build();
        channel.basicPublish(exchange, routingKey, true, properties, body);
        channel.waitForConfirmsOrDie(5_000);
    }

    /** Starts recording every event of {@code exchange} that matches {@code bindingKey}. */
    public TestBroker tap(String exchange, String bindingKey) throws IOException {
        var queue = channel.queueDeclare("", false, true, true, null).getQueue();
        channel.queueBind(queue, exchange, bindingKey);
        channel.basicConsume(queue, true, (tag, delivery) -> received.add(new Received(delivery.getProperties(),
                delivery.getEnvelope().getRoutingKey(), JSON.readTree(delivery.getBody()))), tag -> { });
        return this;
    }

    public List<Received> matching(Predicate<Received> predicate) {
        return new ArrayList<>(received.stream().filter(predicate).toList());
    }

    public List<Received> about(String subject) {
        return matching(r -> r.subject().equals(subject));
    }

    /** The recorded events of one type about one subject. */
    public List<Received> events(String type, String subject) {
        return matching(r -> r.routingKey().equals(type) && r.subject().equals(subject));
    }

    /** Waits until an event about {@code subject} arrived and returns every such event seen so far. */
    public List<Received> awaitAbout(String subject, Duration timeout) {
        await().atMost(timeout).until(() -> !about(subject).isEmpty());
        return about(subject);
    }

    public List<Received> awaitEvents(String type, String subject, int count, Duration timeout) {
        await().atMost(timeout).until(() -> events(type, subject).size() >= count);
        return events(type, subject);
    }

    /** Takes every message from a queue (a dead-letter queue), without waiting. */
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
