package org.feedbackloop.action.support;

import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.ShutdownSignalException;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeoutException;

/**
 * Checks once, before the application starts, that the real Keycloak that {@code ./feedbackloop test}
 * makes available is there, so that a missing one fails with a clear message rather than 401s, and empties this
 * service's queue of what other modules' tests left.
 */
public class TestInfrastructure implements QuarkusTestResourceLifecycleManager {

    public static final String KEYCLOAK_URL = System.getProperty("keycloak.url", "http://localhost:8180");
    public static final int RABBITMQ_PORT = Integer.parseInt(System.getProperty("rabbitmq.port",
            System.getenv().getOrDefault("RABBITMQ_PORT", "5672")));
    /** The tests' virtual host; {@code -Drabbitmq.vhost} moves the tests and the service elsewhere together. */
    public static final String RABBITMQ_VHOST = System.getProperty("rabbitmq.vhost", "feedbackloop-test");

    @Override
    public Map<String, String> start() {
        purgeLeftovers();
        var wellKnown = URI.create(KEYCLOAK_URL + "/realms/feedbackloop/.well-known/openid-configuration");
        try (var http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build()) {
            if (http.send(HttpRequest.newBuilder(wellKnown).build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                return Map.of();
            }
        } catch (IOException | InterruptedException e) {
            // reported below
        }
        throw new IllegalStateException("Keycloak with realm feedbackloop is not answering at " + KEYCLOAK_URL
                + ". Run the tests with ./feedbackloop test (or start the infrastructure with ./feedbackloop infra).");
    }

    /**
     * The other modules' tests publish into the same virtual host: a backlog of their feedback left in this
     * service's queue would be triaged at start-up, ahead of the tests' own events.
     */
    private static void purgeLeftovers() {
        var factory = new ConnectionFactory();
        factory.setHost("127.0.0.1");
        factory.setPort(RABBITMQ_PORT);
        factory.setVirtualHost(RABBITMQ_VHOST);
        try (var connection = factory.newConnection("action-service tests: purge");
             var channel = connection.createChannel()) {
            channel.queuePurge("action-service.feedback-service");
        } catch (IOException | TimeoutException | ShutdownSignalException absent) {
            // not declared yet (nothing was left), or no broker: the tests that need it say so
        }
    }

    @Override
    public void stop() {
    }
}
