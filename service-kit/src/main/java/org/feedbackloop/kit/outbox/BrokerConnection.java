package org.feedbackloop.kit.outbox;

import com.rabbitmq.client.BuiltinExchangeType;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeoutException;

/**
 * The relay's own connection to RabbitMQ: one channel in publisher-confirm mode. It declares the topology
 * this service owns on every (re)connection: its durable topic exchange ({@code feedback.events}, …), whose
 * unroutable events land in the queue {@code <exchange>.unrouted} rather than vanishing.
 * No automatic recovery: the relay reconnects itself, so it always knows whether a batch was confirmed.
 */
@ApplicationScoped
public class BrokerConnection implements AutoCloseable {

    private static final long UNROUTED_TTL_MS = Duration.ofDays(7).toMillis();
    private static final int UNROUTED_MAX_LENGTH = 100_000;

    private final BrokerConfig config;
    private final String exchange;
    private final String clientName;
    private Connection connection;
    private Channel channel;

    BrokerConnection(BrokerConfig config, OutboxConfig outbox,
                     @ConfigProperty(name = "quarkus.application.name") String service) {
        this.config = config;
        this.exchange = outbox.exchange();
        this.clientName = service + " outbox relay";
    }

    public String exchange() {
        return exchange;
    }

    /** An open confirm-mode channel, connecting (and declaring the topology) when there is none. */
    public synchronized Channel confirmChannel() throws IOException, TimeoutException {
        if (channel != null && channel.isOpen()) {
            return channel;
        }
        close();
        var factory = new ConnectionFactory();
        factory.setHost(config.host());
        factory.setPort(config.port());
        factory.setVirtualHost(config.virtualHost());
        factory.setUsername(config.username());
        factory.setPassword(config.password());
        factory.setAutomaticRecoveryEnabled(false);
        factory.setTopologyRecoveryEnabled(false);
        factory.setConnectionTimeout(3_000);
        factory.setHandshakeTimeout(5_000);
        factory.setRequestedHeartbeat(10);
        connection = factory.newConnection(clientName);
        channel = connection.createChannel();
        channel.confirmSelect();
        declareTopology(channel);
        return channel;
    }

    public synchronized boolean isOpen() {
        return channel != null && channel.isOpen();
    }

    public String address() {
        return config.host() + ":" + config.port() + " vhost " + config.virtualHost();
    }

    @Override
    public synchronized void close() {
        try {
            if (connection != null && connection.isOpen()) {
                connection.close(2_000);
            }
        } catch (IOException | RuntimeException ignored) {
            // the connection is going away either way
        } finally {
            connection = null;
            channel = null;
        }
    }

    private void declareTopology(Channel channel) throws IOException {
        Map<String, Object> exchangeArguments = new HashMap<>();
        var unrouted = exchange + ".unrouted";
        if (config.quorumQueues()) {
            Map<String, Object> unroutedArguments = Map.of(
                    "x-queue-type", "quorum",
                    "x-message-ttl", UNROUTED_TTL_MS,
                    "x-max-length", UNROUTED_MAX_LENGTH);
            channel.exchangeDeclare(unrouted, BuiltinExchangeType.FANOUT, true);
            channel.queueDeclare(unrouted, true, false, false, unroutedArguments);
            channel.queueBind(unrouted, unrouted, "");
            exchangeArguments.put("alternate-exchange", unrouted);
        }
        channel.exchangeDeclare(exchange, BuiltinExchangeType.TOPIC, true, false, exchangeArguments);
    }
}
