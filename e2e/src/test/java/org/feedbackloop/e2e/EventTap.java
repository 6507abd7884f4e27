package org.feedbackloop.e2e;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Envelope;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeoutException;

/**
 * Every event the suite's services publish while it runs: a server-named, exclusive queue bound with {@code #} to
 * the three exchanges of the event contract, consumed as it fills. It sees what an integrator's queue would see.
 */
final class EventTap implements AutoCloseable {

    static final List<String> EXCHANGES = List.of("feedback.events", "action.events", "notification.events");

    private final Connection connection;
    private final ConcurrentLinkedQueue<TappedEvent> events = new ConcurrentLinkedQueue<>();

    private EventTap(Connection connection) {
        this.connection = connection;
    }

    /** Binds to the exchanges once the services have declared them (they do so when they connect). */
    static EventTap start(String host, int port, String virtualHost, Duration patience) {
        var factory = new ConnectionFactory();
        factory.setHost(host);
        factory.setPort(port);
        factory.setVirtualHost(virtualHost);
        factory.setUsername("guest");
        factory.setPassword("guest");
        try {
            var connection = factory.newConnection("e2e event tap");
            var tap = new EventTap(connection);
            try {
                tap.subscribe(patience);
            } catch (IOException | RuntimeException e) {
                tap.close();
                throw e;
            }
            return tap;
        } catch (IOException | TimeoutException e) {
            throw new IllegalStateException("the event tap cannot connect to RabbitMQ " + host + ":" + port
                    + " vhost " + virtualHost, e);
        }
    }

    /** What was captured so far, in arrival order. */
    List<TappedEvent> events() {
        return List.copyOf(events);
    }

    private void subscribe(Duration patience) throws IOException {
        awaitExchanges(patience);
        var channel = connection.createChannel();
        var queue = channel.queueDeclare("", false, true, true, Map.of()).getQueue();
        for (var exchange : EXCHANGES) {
            channel.queueBind(queue, exchange, "#");
        }
        channel.basicConsume(queue, true, "e2e-event-tap", new DefaultConsumer(channel) {
            @Override
            public void handleDelivery(String consumerTag, Envelope envelope, AMQP.BasicProperties properties, byte[] body) {
                events.add(new TappedEvent(envelope.getExchange(), envelope.getRoutingKey(), properties.getContentType(),
                        properties.getMessageId(), properties.getType(), properties.getAppId(),
                        properties.getDeliveryMode(), headers(properties), new String(body, StandardCharsets.UTF_8),
                        Instant.now()));
            }
        });
    }

    /** A passive declare of a missing exchange closes its channel: each attempt takes a new one. */
    private void awaitExchanges(Duration patience) throws IOException {
        var deadline = Instant.now().plus(patience);
        for (var exchange : EXCHANGES) {
            while (true) {
                try (Channel probe = connection.createChannel()) {
                    probe.exchangeDeclarePassive(exchange);
                    break;
                } catch (IOException | TimeoutException | RuntimeException missing) {
                    if (Instant.now().isAfter(deadline)) {
                        throw new IllegalStateException("exchange " + exchange + " was not declared by its service within "
                                + patience.toSeconds() + " s", missing);
                    }
                    Suite.sleep(200);
                }
            }
        }
    }

    private static Map<String, String> headers(AMQP.BasicProperties properties) {
        var headers = new LinkedHashMap<String, String>();
        if (properties.getHeaders() != null) {
            properties.getHeaders().forEach((name, value) -> headers.put(name, String.valueOf(value)));
        }
        return headers;
    }

    @Override
    public void close() {
        try {
            if (connection.isOpen()) {
                connection.close(2_000);
            }
        } catch (IOException | RuntimeException ignored) {
            // the broker may be gone already: the queue goes with the connection either way
        }
    }

    /** One message as it arrived: where it was published, its AMQP properties and its body. */
    record TappedEvent(String exchange, String routingKey, String contentType, String messageId, String type,
                       String appId, Integer deliveryMode, Map<String, String> headers, String body,
                       Instant receivedAt) {
    }
}
