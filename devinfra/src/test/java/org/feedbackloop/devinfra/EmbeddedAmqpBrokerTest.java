package org.feedbackloop.devinfra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.BuiltinExchangeType;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.Delivery;
import com.rabbitmq.client.GetResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded Broker-J, spoken to with the RabbitMQ Java client as the services do. */
class EmbeddedAmqpBrokerTest {

    @TempDir
    static Path work;

    static EmbeddedAmqpBroker broker;

    @BeforeAll
    static void startBroker() throws Exception {
        broker = EmbeddedAmqpBroker.start(FreePort.find(), work);
    }

    @AfterAll
    static void stopBroker() {
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void publishesWithConfirmsAndConsumesWithManualAck() throws Exception {
        try (Connection connection = connect("feedbackloop-test"); Channel channel = connection.createChannel()) {
            channel.exchangeDeclare("feedback.events", BuiltinExchangeType.TOPIC, true);
            channel.queueDeclare("feedback-received", true, false, false, null);
            channel.queueBind("feedback-received", "feedback.events", "feedback.#");

            channel.confirmSelect();
            AMQP.BasicProperties persistentJson = new AMQP.BasicProperties.Builder()
                    .contentType("application/json").deliveryMode(2).build();
            channel.basicPublish("feedback.events", "feedback.received", persistentJson,
                    "{\"id\":42}".getBytes(StandardCharsets.UTF_8));
            channel.waitForConfirmsOrDie(5_000);

            BlockingQueue<Delivery> deliveries = new LinkedBlockingQueue<>();
            channel.basicQos(10);
            channel.basicConsume("feedback-received", false, (tag, delivery) -> deliveries.add(delivery), tag -> { });

            Delivery delivery = deliveries.poll(5, TimeUnit.SECONDS);
            assertThat(delivery).isNotNull();
            assertThat(new String(delivery.getBody(), StandardCharsets.UTF_8)).isEqualTo("{\"id\":42}");
            assertThat(delivery.getEnvelope().getRoutingKey()).isEqualTo("feedback.received");
            assertThat(delivery.getProperties().getContentType()).isEqualTo("application/json");
            channel.basicAck(delivery.getEnvelope().getDeliveryTag(), false);
        }
        try (Connection connection = connect("feedbackloop-test"); Channel channel = connection.createChannel()) {
            assertThat(channel.messageCount("feedback-received")).isZero();
        }
    }

    @Test
    void servesTheDefaultVirtualHostAndTheSuitesOwn() throws Exception {
        for (String virtualHost : new String[] {"/", "feedbackloop", "feedbackloop-test"}) {
            try (Connection connection = connect(virtualHost)) {
                assertThat(connection.isOpen()).as(virtualHost).isTrue();
            }
        }
        assertThatThrownBy(() -> connect("no-such-vhost").close()).isInstanceOf(Exception.class);
    }

    @Test
    void rejectWithoutRequeueDiscardsAsRabbitMqDoes() throws Exception {
        try (Connection connection = connect("feedbackloop-test"); Channel channel = connection.createChannel()) {
            channel.queueDeclare("poison", false, false, true, null);
            channel.basicPublish("", "poison", null, "bad".getBytes(StandardCharsets.UTF_8));
            GetResponse first = awaitMessage(channel, "poison");
            channel.basicNack(first.getEnvelope().getDeliveryTag(), false, true);

            GetResponse again = awaitMessage(channel, "poison");
            assertThat(again.getEnvelope().isRedeliver()).isTrue();
            channel.basicReject(again.getEnvelope().getDeliveryTag(), false);

            Thread.sleep(200);
            assertThat(channel.basicGet("poison", true)).isNull();
        }
    }

    @Test
    void refusesQuorumQueuesByClosingTheConnection() throws Exception {
        Connection connection = connect("feedbackloop-test");
        Channel channel = connection.createChannel();

        assertThatThrownBy(() -> channel.queueDeclare("quorum", true, false, false, Map.of("x-queue-type", "quorum")))
                .hasStackTraceContaining("Unsupported queue declare argument(s) : x-queue-type");
        assertThat(connection.isOpen()).isFalse();
    }

    @Test
    void failsToStartWhenItsPortIsTaken() {
        assertThatThrownBy(() -> EmbeddedAmqpBroker.start(broker.port(), work.resolve("second")).close())
                .hasMessageContaining("port " + broker.port());
    }

    private static Connection connect(String virtualHost) throws Exception {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost("127.0.0.1");
        factory.setPort(broker.port());
        factory.setUsername("guest");
        factory.setPassword("guest");
        factory.setVirtualHost(virtualHost);
        factory.setAutomaticRecoveryEnabled(false);
        return factory.newConnection("devinfra-test");
    }

    private static GetResponse awaitMessage(Channel channel, String queue) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (System.nanoTime() < deadline) {
            GetResponse response = channel.basicGet(queue, false);
            if (response != null) {
                return response;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no message on " + queue);
    }
}
