package org.feedbackloop.feedback.support;

import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.ShutdownSignalException;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;

/**
 * Checks once, before the application starts, that the infrastructure the tests need is there (the real
 * Keycloak, PostgreSQL and RabbitMQ that {@code ./feedbackloop test} makes available), empties this service's
 * queues of what other modules' tests left, and puts a cuttable proxy between the application and RabbitMQ so
 * that tests can take the broker away.
 */
public class TestInfrastructure implements QuarkusTestResourceLifecycleManager {

    public static final String KEYCLOAK_URL = System.getProperty("keycloak.url", "http://localhost:8180");
    public static final int RABBITMQ_PORT = Integer.parseInt(System.getProperty("rabbitmq.port",
            System.getenv().getOrDefault("RABBITMQ_PORT", "5672")));

    private static TcpProxy brokerProxy;

    /** The proxy in front of RabbitMQ; cut it to simulate an outage. */
    public static TcpProxy brokerProxy() {
        return brokerProxy;
    }

    @Override
    public Map<String, String> start() {
        requireKeycloak();
        purgeLeftovers();
        try {
            brokerProxy = new TcpProxy(RABBITMQ_PORT);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.of("feedback.broker.port", String.valueOf(brokerProxy.port()));
    }

    @Override
    public void stop() {
        try {
            if (brokerProxy != null) {
                brokerProxy.close();
            }
        } catch (IOException ignored) {
            // the JVM is ending
        }
    }

    /**
     * The other modules' tests publish into the same virtual host: what they left in this service's queues
     * (a "me too" becomes a feedback item) would be consumed at start-up and race the tests that count rows.
     */
    private static void purgeLeftovers() {
        var factory = new ConnectionFactory();
        factory.setHost("127.0.0.1");
        factory.setPort(RABBITMQ_PORT);
        factory.setVirtualHost("feedbackloop-test");
        try (var connection = factory.newConnection("feedback-service tests: purge")) {
            for (var queue : List.of("feedback-service.action-service", "feedback-service.notification-service")) {
                try (var channel = connection.createChannel()) {
                    channel.queuePurge(queue);
                } catch (IOException | TimeoutException | ShutdownSignalException absent) {
                    // not declared yet: nothing was left
                }
            }
        } catch (IOException | TimeoutException noBroker) {
            // the tests that need it say so
        }
    }

    private static void requireKeycloak() {
        var wellKnown = URI.create(KEYCLOAK_URL + "/realms/feedbackloop/.well-known/openid-configuration");
        try (var http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build()) {
            var response = http.send(HttpRequest.newBuilder(wellKnown).build(), HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() == 200) {
                return;
            }
        } catch (IOException | InterruptedException e) {
            // reported below
        }
        throw new IllegalStateException("Keycloak with realm feedbackloop is not answering at " + KEYCLOAK_URL
                + ". Run the tests with ./feedbackloop test (or start the infrastructure with ./feedbackloop infra).");
    }
}
